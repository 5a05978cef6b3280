package com.admissiongate.cli;

import com.admissiongate.policy.OutcomeOverrides;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackLoadException;
import com.admissiongate.policy.RulePackLoader;
import com.admissiongate.policy.SampleSuiteRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gate policy validate <dir>} loads a pack offline (schema + CEL compile of every rule) and
 * {@code gate policy test <dir> [--samples <dir>]} runs every rule's pass/fail samples. Exit code 0 when
 * clean, 1 on problems, 2 on usage errors.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Validate a rule pack and run its samples.",
        subcommands = {PolicyCommand.Validate.class, PolicyCommand.Test.class})
public final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Load a pack directory: schema-check and compile every rule; print its version.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<dir>", description = "pack directory containing pack.yaml")
        Path dir;

        @Option(names = "--overrides", paramLabel = "<file>", description = "also check an operator overrides file")
        Path overrides;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RulePack pack;
            try {
                pack = new RulePackLoader().load(dir);
            } catch (RulePackLoadException e) {
                err.println(e.getMessage());
                return 1;
            }
            out.println(pack.version() + ": " + pack.rules().size() + " rules OK");
            if (overrides != null) {
                try {
                    List<String> problems = OutcomeOverrides.load(overrides).check(pack);
                    problems.forEach(p -> err.println(overrides + ": " + p));
                    if (!problems.isEmpty()) {
                        return 1;
                    }
                    out.println(overrides + ": OK");
                } catch (IOException | IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return 1;
                }
            }
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every rule's samples against the pack (gatekeeper/kyverno-style suite).")
    static final class Test implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<dir>", description = "pack directory containing pack.yaml")
        Path dir;

        @Option(names = "--samples", paramLabel = "<dir>",
                description = "samples directory (default: src/test/resources/policies)")
        Path samples = Path.of("src/test/resources/policies");

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(samples)) {
                err.println("samples directory " + samples + " does not exist");
                return 2;
            }
            RulePack pack;
            try {
                pack = new RulePackLoader().load(dir);
            } catch (RulePackLoadException e) {
                err.println(e.getMessage());
                return 1;
            }
            SampleSuiteRunner runner = new SampleSuiteRunner(samples);
            try {
                int passed = 0;
                int failed = 0;
                for (SampleSuiteRunner.CaseResult r : runner.run(pack)) {
                    if (r.passed()) {
                        passed++;
                        out.println("ok   " + r.ruleId() + "/" + r.caseName() + " " + r.actual().outcome());
                    } else {
                        failed++;
                        out.println("FAIL " + r.ruleId() + "/" + r.caseName() + ": " + r.problem());
                    }
                }
                List<String> coverage = runner.coverageProblems(pack);
                coverage.forEach(p -> out.println("FAIL " + p));
                out.println(pack.version() + ": " + passed + " passed, " + failed + " failed, "
                        + coverage.size() + " coverage problems");
                return failed == 0 && coverage.isEmpty() ? 0 : 1;
            } catch (IOException | RuntimeException e) {
                err.println("samples " + samples + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
