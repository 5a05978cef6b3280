package com.admissiongate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.cli.PolicyCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PolicyCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void validateReportsVersionOfShippedPack() {
        int rc = run("validate", PolicyTestSupport.PACK_DIR.toString(),
                "--overrides", "src/main/resources/policies/overrides.example.yaml");

        assertThat(rc).isZero();
        assertThat(out.toString()).contains(PolicyTestSupport.pack().version() + ": " + PolicyTestSupport.pack().rules().size() + " rules OK");
    }

    @Test
    void validateFailsOnBrokenPackNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pack.yaml"),
                "name: p\nversion: 1.0.0\ndescription: d\nrules:\n  - MISSING-01-RULE.yaml\n");

        int rc = run("validate", dir.toString());

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("MISSING-01-RULE.yaml: listed in pack.yaml but missing");
    }

    @Test
    void testRunsEverySampleOfShippedPack() {
        int rc = run("test", PolicyTestSupport.PACK_DIR.toString(), "--samples", PolicyTestSupport.SAMPLES.toString());

        assertThat(rc).isZero();
        assertThat(out.toString()).containsPattern("\\d{3} passed, 0 failed, 0 coverage problems")
                .contains("ok   SIGN-02-CERT-CHANGED/fail-new-key FAIL");
    }

    @Test
    void testFailsWhenASampleExpectationIsWrong(@TempDir Path dir) throws IOException {
        Path base = Files.createDirectories(dir.resolve("_base"));
        for (String doc : SampleSuiteRunner.DOCUMENTS) {
            Files.copy(PolicyTestSupport.SAMPLES.resolve("_base").resolve(doc + ".json"), base.resolve(doc + ".json"));
        }
        Files.createDirectories(dir.resolve("BUILD-01-TARGETSDK"));
        Files.writeString(dir.resolve("BUILD-01-TARGETSDK/expected.yaml"), "cases:\n  base-is-old: {outcome: FAIL}\n");

        int rc = run("test", PolicyTestSupport.PACK_DIR.toString(), "--samples", dir.toString());

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL BUILD-01-TARGETSDK/base-is-old: outcome PASS != expected FAIL")
                .contains("FAIL BUILD-01-TARGETSDK: no PASS sample");
    }
}
