package com.admissiongate.cli;

import com.admissiongate.analysis.FactsAssembler;
import com.admissiongate.catalog.SdkEntry;
import com.admissiongate.policy.Evaluation;
import com.admissiongate.policy.OutcomeOverrides;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.PolicyInput;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackLoadException;
import com.admissiongate.policy.RulePackLoader;
import com.admissiongate.report.accuracy.AccuracyReportWriter;
import com.admissiongate.report.accuracy.AgreementTally;
import com.admissiongate.report.accuracy.NeutralSubmission;
import com.admissiongate.report.accuracy.OracleComparator;
import com.admissiongate.report.accuracy.PolicyTally;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corpus-check <corpus-dir> [--out docs/accuracy.md]}: Facts for every corpus APK, compared with the oracle
 * (aapt, dexdump, apksigner, SDK families, DroidBench getDeviceId chain), then the rule pack under a neutral
 * submission. Exit 0 whatever the agreement (it is a report); 2 on usage errors (no corpus, unreadable pack).
 */
@Command(name = "corpus-check", mixinStandardHelpOptions = true,
        description = "Accuracy of the Facts against the corpus oracle, and the rule pack's decisions on the corpus.")
public class CorpusCheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<corpus-dir>", description = "corpus with apks/, oracle/ and droidbench-leaks.tsv")
    Path corpus;

    @Option(names = "--out", paramLabel = "<file.md>", description = "also write the Markdown report here")
    Path out;

    @Option(names = "--pack", paramLabel = "<dir>", description = "rule pack directory (default: the bundled cn-app-pi)")
    Path pack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path apkDir = corpus.resolve("apks");
        Path oracleDir = corpus.resolve("oracle");
        if (!Files.isDirectory(apkDir) || !Files.isDirectory(oracleDir)) {
            err.println("corpus-check: " + corpus + " has no apks/ and oracle/ directories");
            return 2;
        }
        RulePack rules;
        try {
            rules = pack == null ? new RulePackLoader().loadFromClasspath("policies/cn-app-pi")
                    : new RulePackLoader().load(pack);
        } catch (RulePackLoadException e) {
            err.println("corpus-check: rule pack does not load: " + e.getMessage());
            return 2;
        }
        List<Path> apks;
        try (Stream<Path> s = Files.list(apkDir)) {
            apks = s.filter(p -> p.getFileName().toString().endsWith(".apk")).sorted().toList();
        }
        Set<String> droidBench = droidBenchFiles(corpus.resolve("droidbench-leaks.tsv"));

        ObjectMapper mapper = new ObjectMapper();
        FactsAssembler assembler = OfflineGate.factsAssembler(mapper);
        Map<String, List<String>> prefixes = new LinkedHashMap<>();
        for (SdkEntry e : assembler.catalogs().sdks().entries()) {
            prefixes.put(e.id(), e.fingerprints().classPrefixes());
        }
        OracleComparator comparator = new OracleComparator(prefixes);
        Map<String, Object> catalogView = assembler.catalogs().celView();
        PolicyEvaluator evaluator = new PolicyEvaluator(OutcomeOverrides.none());
        AgreementTally tally = new AgreementTally();
        PolicyTally policy = new PolicyTally();
        ObjectNode history = NeutralSubmission.firstUploadHistory(mapper);
        long factsNanos = 0;
        int missing = 0;
        Instant now = Instant.now();
        for (Path apk : apks) {
            String file = apk.getFileName().toString();
            long t0 = System.nanoTime();
            ObjectNode facts = assembler.assemble(apk);
            factsNanos += System.nanoTime() - t0;
            Path oraclePath = oracleDir.resolve(facts.path("sha256").asText("").substring(0, 16) + ".json");
            if (!Files.isRegularFile(oraclePath)) {
                missing++;
                err.println("corpus-check: no oracle for " + file + " (" + oraclePath.getFileName() + ")");
            } else {
                JsonNode oracle = mapper.readTree(oraclePath.toFile());
                comparator.compare(file, facts, oracle, droidBench.contains(file), tally);
            }
            evaluate(file, facts, mapper, history, catalogView, rules, evaluator, policy, now);
        }

        stdout.print(AccuracyReportWriter.table(tally));
        stdout.println("decisions: " + policy.decisions() + "; APKs with rule ERRORs: " + policy.problems().size()
                + ", GATE-INCOMPLETE: " + policy.gateIncomplete());
        for (PolicyTally.Problem p : policy.problems()) {
            stdout.println("  " + p.apk() + " " + p.decision() + " ERROR " + p.errorRules() + ": " + p.reasons());
        }
        if (out != null) {
            String command = "./gate corpus-check " + corpus + " --out " + out;
            AccuracyReportWriter.RunInfo run = new AccuracyReportWriter.RunInfo(command, LocalDate.now().toString(),
                    corpus.toString(), apks.size(), missing, factsNanos / 1_000_000, assembler.analyzerVersion(),
                    rules.version(), comparator.catalogIdsByFamily());
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, AccuracyReportWriter.markdown(run, tally, policy), StandardCharsets.UTF_8);
            stdout.println("wrote " + out);
        }
        stdout.flush();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void evaluate(String file, ObjectNode facts, ObjectMapper mapper, ObjectNode history,
            Map<String, Object> catalogView, RulePack rules, PolicyEvaluator evaluator, PolicyTally policy, Instant now) {
        try {
            ObjectNode submission = NeutralSubmission.forFacts(facts, file, mapper);
            PolicyInput in = PolicyInput.of(mapper.convertValue(facts, Map.class),
                    mapper.convertValue(submission, Map.class), mapper.convertValue(history, Map.class), catalogView);
            Evaluation ev = evaluator.evaluate(rules, in, now);
            policy.add(file, ev);
        } catch (RuntimeException e) {
            policy.failed(file, e.toString());
        }
    }

    static Set<String> droidBenchFiles(Path tsv) throws IOException {
        Set<String> out = new HashSet<>();
        if (!Files.isRegularFile(tsv)) {
            return out;
        }
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split("\t");
            if (f.length > 1) {
                out.add(f[1]);
            }
        }
        return out;
    }
}
