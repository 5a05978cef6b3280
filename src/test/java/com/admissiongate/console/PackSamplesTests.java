package com.admissiongate.console;

import com.admissiongate.policy.SampleSuiteRunner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled pack's sample index that the service ships stays identical to the sample directories. */
class PackSamplesTests {

    static final Path SAMPLES = Path.of("src/test/resources/policies");
    static final Path INDEX = Path.of("src/main/resources").resolve(PackSamples.BUNDLED_INDEX);

    @Test
    void shippedIndexMatchesTheSampleDirectories() throws Exception {
        String expected = PackSamples.render(new SampleSuiteRunner(SAMPLES).cases());
        String shipped = Files.exists(INDEX) ? Files.readString(INDEX, StandardCharsets.UTF_8) : "";
        if (!expected.equals(shipped)) {
            Path regenerated = Path.of("target/cn-app-pi.samples.yaml");
            Files.createDirectories(regenerated.getParent());
            Files.writeString(regenerated, expected, StandardCharsets.UTF_8);
            throw new AssertionError(INDEX + " is out of date with " + SAMPLES + ": copy " + regenerated + " over it");
        }
    }

    @Test
    void readsEveryRulesCasesWithOutcomeAndAction() throws Exception {
        List<SampleSuiteRunner.SampleCase> cases = new SampleSuiteRunner(SAMPLES).cases();
        assertThat(PackSamples.bundled().values().stream().mapToInt(List::size).sum()).isEqualTo(cases.size());
        assertThat(PackSamples.bundled().get("BG-01-SELF-START")).containsExactly(
                new PackSamples.Sample("pass", "PASS", null),
                new PackSamples.Sample("warn-boot-disclosed", "WARN", "WARN"),
                new PackSamples.Sample("fail-boot-undisclosed", "FAIL", "RECTIFY"),
                new PackSamples.Sample("warn-user-present-receiver", "WARN", "WARN"));
    }

    @Test
    void readsAnUploadedPacksExpectationsAndToleratesGarbage() {
        byte[] yaml = "cases:\n  ok: {outcome: PASS}\n  bad: {outcome: FAIL, action: REJECT, evidence: x}\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PackSamples.ofExpected(yaml)).containsExactly(new PackSamples.Sample("ok", "PASS", null),
                new PackSamples.Sample("bad", "FAIL", "REJECT"));
        assertThat(PackSamples.ofExpected("cases: [: {".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(PackSamples.ofExpected(null)).isEmpty();
    }
}
