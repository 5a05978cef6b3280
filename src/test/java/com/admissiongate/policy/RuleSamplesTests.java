package com.admissiongate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every sample of every rule (src/test/resources/policies/&lt;RULE-ID&gt;/expected.yaml) against the shipped pack. */
class RuleSamplesTests {

    private static final SampleSuiteRunner RUNNER = new SampleSuiteRunner(PolicyTestSupport.SAMPLES);

    static Stream<Arguments> samples() throws IOException {
        return RUNNER.cases().stream().map(c -> Arguments.of(c.ruleId() + "/" + c.caseName(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleHasExpectedOutcome(String name, SampleSuiteRunner.SampleCase sample) throws IOException {
        SampleSuiteRunner.CaseResult result = RUNNER.run(PolicyTestSupport.pack(), sample);

        assertThat(result.problem()).as(name).isNull();
        assertThat(result.actual().outcome()).isEqualTo(sample.outcome());
    }

    @Test
    void everyRuleShipsWithPassAndFailSamples() throws IOException {
        assertThat(RUNNER.coverageProblems(PolicyTestSupport.pack())).isEmpty();
        assertThat(RUNNER.cases()).hasSizeGreaterThanOrEqualTo(2 * PolicyTestSupport.pack().rules().size());
    }

    @Test
    void coverageCheckReportsRuleWithoutSamples(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Files.createDirectories(dir.resolve("_base"));
        java.nio.file.Files.createDirectories(dir.resolve("NOT-A-RULE"));

        var problems = new SampleSuiteRunner(dir).coverageProblems(PolicyTestSupport.pack());

        assertThat(problems).contains("BUILD-01-TARGETSDK: no PASS sample", "BUILD-01-TARGETSDK: no FAIL/WARN sample",
                "NOT-A-RULE: samples for a rule that is not in " + PolicyTestSupport.pack().version());
    }
}
