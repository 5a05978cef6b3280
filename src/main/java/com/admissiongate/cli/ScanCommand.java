package com.admissiongate.cli;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.FactsAssembler;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.policy.OutcomeOverrides;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackLoadException;
import com.admissiongate.policy.RulePackLoader;
import com.admissiongate.report.HtmlReportWriter;
import com.admissiongate.report.JsonReportWriter;
import com.admissiongate.report.ReportInput;
import com.admissiongate.report.SarifReportWriter;
import com.admissiongate.report.TextReportWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scan <apk> [--meta submission.json] [--format text|json|sarif|html] [--out file] [--fail-on reject|rectify|warn]}:
 * the developer's self-check. Runs the service's analyzer, catalogs and cn-app-pi rule pack offline (no Kafka, S3 or
 * database) and prints the verdict. Exit code: 0, or 1 when the verdict reaches {@code --fail-on}, 2 on usage errors.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Judge an APK offline with the store's rule pack and print the verdict (self-check).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:verdict below --fail-on", "1:verdict reaches --fail-on", "2:usage error"})
public final class ScanCommand implements Callable<Integer> {

    public static final String PACK = "policies/cn-app-pi";
    public static final String TOOL_VERSION = "0.1.0";
    /** Above this size the analysis takes long enough to say something on stderr first. */
    static final long PROGRESS_THRESHOLD = 5L * 1024 * 1024;

    public enum Format { TEXT, JSON, SARIF, HTML }

    /** How strong a verdict must be to fail the build. */
    public enum FailOn {
        REJECT, RECTIFY, WARN;

        boolean reached(Assessment a) {
            Assessment.Decision d = a.decision();
            if (d == Assessment.Decision.REJECT) {
                return true;
            }
            if (this == REJECT) {
                return false;
            }
            if (d == Assessment.Decision.RECTIFY) {
                return true;
            }
            return this == WARN && a.findings().stream().anyMatch(f -> "WARN".equals(f.outcome()));
        }
    }

    /** Accepts lower case, as the documentation writes the values. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return parse(Format.class, value, "text, json, sarif, html");
        }
    }

    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return parse(FailOn.class, value, "reject, rectify, warn");
        }
    }

    @Parameters(index = "0", paramLabel = "<apk>", description = "the APK to judge")
    Path apk;

    @Option(names = "--meta", paramLabel = "<submission.json>",
            description = "submission metadata as the store receives it (package, versionCode, appName, appType, "
                    + "developer, privacyPolicy, audience, filing, declaredSdks, permissionPurposes, …)")
    Path meta;

    @Option(names = "--policy", paramLabel = "<policy.html|.txt|.pdf>",
            description = "the privacy policy the store would read (HTML, text or PDF, same limits as the service); "
                    + "without it the rules that judge the policy text are not applied")
    Path policy;

    @Option(names = "--format", paramLabel = "text|json|sarif|html", converter = FormatConverter.class,
            description = "output format (default: ${DEFAULT-VALUE})", defaultValue = "text")
    Format format = Format.TEXT;

    @Option(names = "--out", paramLabel = "<file>", description = "write the report to this file instead of stdout")
    Path out;

    @Option(names = "--fail-on", paramLabel = "reject|rectify|warn", converter = FailOnConverter.class,
            defaultValue = "reject",
            description = "exit 1 when the decision is REJECT (reject), REJECT or RECTIFY (rectify), or when "
                    + "there is also any WARN finding (warn); default: ${DEFAULT-VALUE}")
    FailOn failOn = FailOn.REJECT;

    @Spec
    CommandSpec spec;

    /** Null for the command line: the offline stack is started by {@link #call()}, overlapped with the analysis. */
    private final PolicyAssessor given;

    public ScanCommand() {
        this.given = null;
    }

    /** For callers that already hold an assessor (tests, batch tools): the rule pack compiles once. */
    public ScanCommand(PolicyAssessor assessor) {
        this.given = java.util.Objects.requireNonNull(assessor, "assessor");
    }

    /** The service's stack without the service: extractor + apksig + classpath catalogs + the cn-app-pi pack. */
    public static PolicyAssessor offlineAssessor() {
        ObjectMapper mapper = new ObjectMapper();
        CompletableFuture<RulePack> pack = compilePack();
        return assessor(OfflineGate.factsAssembler(mapper), pack, mapper);
    }

    /**
     * Compiling the pack (CEL) is independent of everything else a cold start does: it runs on its own thread
     * while the catalogs load and the APK is analysed (docs/benchmarks.md, "Self-check cold start").
     */
    private static CompletableFuture<RulePack> compilePack() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new RulePackLoader().loadFromClasspath(PACK);
            } catch (RulePackLoadException e) {
                throw new IllegalStateException("rule pack " + PACK + " does not load: " + e.getMessage(), e);
            }
        });
    }

    private static PolicyAssessor assessor(FactsAssembler assembler, CompletableFuture<RulePack> pack,
                                           ObjectMapper mapper) {
        try {
            return new PolicyAssessor(assembler, pack.join(), new PolicyEvaluator(OutcomeOverrides.none()),
                    mapper, Clock.systemUTC());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(apk)) {
            err.println("scan: not a file: " + apk);
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode submission = null;
        if (meta != null) {
            try {
                submission = mapper.readTree(meta.toFile());
            } catch (JsonProcessingException e) {
                err.println("scan: --meta " + meta + " is not JSON: " + e.getOriginalMessage());
                return 2;
            } catch (IOException e) {
                err.println("scan: cannot read --meta " + meta + ": " + e.getMessage());
                return 2;
            }
            if (submission == null || !submission.isObject()) {
                err.println("scan: --meta " + meta + " must hold a JSON object");
                return 2;
            }
        }

        long size = Files.size(apk);
        long started = System.nanoTime();
        if (size > PROGRESS_THRESHOLD) {
            err.printf(Locale.ROOT, "scan: analysing %s (%.1f MB)…%n", apk.getFileName(), size / 1048576.0);
            err.flush();
        }
        CompletableFuture<RulePack> pack = given == null ? compilePack() : null;
        FactsAssembler assembler = given == null ? OfflineGate.concurrentFactsAssembler(mapper) : given.assembler();
        ObjectNode facts = assembler.assemble(apk);
        if (submission == null) {
            submission = neutralSubmission(mapper, facts);
        }
        if (policy != null) {
            facts.set("privacyPolicy", mapper.valueToTree(OfflineGate.readPolicy(policy,
                    assembler.catalogs(), submission)));
        }
        PolicyAssessor assessor = given != null ? given : assessor(assembler, pack, mapper);
        Assessment assessment = assessor.evaluate(facts, submission, null);
        if (size > PROGRESS_THRESHOLD) {
            err.printf(Locale.ROOT, "scan: done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        if (meta == null) {
            err.println("scan: note: no --meta given; judged with a neutral submission (package and versionCode from "
                    + "the manifest, appType 实用工具类, adult audience). META-* and filing findings depend on the "
                    + "real submission: pass --meta submission.json for the store's verdict.");
        }
        err.flush();

        ReportInput in = new ReportInput(assessment, apk.getFileName().toString(), assessor.pack());
        String report = render(in);
        if (out != null) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(report);
            stdout.flush();
        }
        return failOn.reached(assessment) ? 1 : 0;
    }

    private String render(ReportInput in) throws IOException {
        Writer w = new StringWriter();
        switch (format) {
            case JSON:
                new JsonReportWriter().write(in, w);
                w.write(System.lineSeparator());
                break;
            case SARIF:
                new SarifReportWriter(TOOL_VERSION).write(in, w);
                w.write(System.lineSeparator());
                break;
            case HTML:
                new HtmlReportWriter().write(in, w);
                break;
            default:
                new TextReportWriter().write(in, w);
        }
        return w.toString();
    }

    /**
     * A stand-in for the submission the developer did not give: the APK's own package and versionCode (so META-01
     * reports no mismatch), the type 实用工具类 and an adult audience (so the minors' rules do not fire on a guess).
     * Fields only the developer knows (developer, privacy policy, filing) stay absent, and META-01/META-02 say so.
     */
    static ObjectNode neutralSubmission(ObjectMapper mapper, JsonNode facts) {
        ObjectNode s = mapper.createObjectNode();
        JsonNode manifest = facts.path("manifest");
        s.set("package", manifest.path("package").isTextual() ? manifest.get("package") : null);
        s.set("versionCode", manifest.path("versionCode").isIntegralNumber() ? manifest.get("versionCode") : null);
        JsonNode label = facts.path("resources").path("appLabel");
        if (label.isTextual()) {
            s.set("appName", label);
        }
        s.put("appType", "实用工具类");
        s.putObject("audience").put("minAge", 18).put("minorsTargeted", false);
        return s;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String allowed) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("expected one of " + allowed + " but was '" + value + "'");
        }
    }
}
