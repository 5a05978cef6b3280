package com.admissiongate.bench;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.cli.ScanCommand;
import com.admissiongate.verdict.FindingsDiff;
import com.admissiongate.verdict.HistoryService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU cost of one re-review evaluation, split into its steps, on the benchmark's Facts templates: the same work as
 * ReReviewer.evaluate (parse the stored texts, evaluate the pack, diff the findings), single-threaded, measured in
 * thread CPU time so that a shared, loaded machine does not inflate it. Wall time of the catalog benchmark on 2
 * idle cores cannot be lower than count x total / 2.
 * Usage: {@code ReReviewEvalCost [iterations] [--tree]} ({@code --tree}: the earlier path, Facts parsed into a Jackson
 * tree and converted to CEL values from it; the default is ReReviewer's, the text read straight into CEL values, whose
 * parse cost then shows under "evaluate").
 */
public final class ReReviewEvalCost {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        boolean tree = args.length > 1 && "--tree".equals(args[1]); // the earlier readTree + evaluate path
        ObjectMapper mapper = new ObjectMapper();
        PolicyAssessor assessor = ScanCommand.offlineAssessor();
        JsonNode history = new HistoryService(mapper, null).toHistory(null, null);
        List<String[]> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(ReReviewBenchGenerator.TEMPLATES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode facts = mapper.readTree(f.toFile());
                ObjectNode submission = ReReviewBenchGenerator.submission(facts.path("manifest").path("package").asText());
                // as the generator stores them: with the policy section the upload resolved for the submission's URL
                ((ObjectNode) facts).set("privacyPolicy", mapper.valueToTree(
                        ReReviewBenchGenerator.BENCH_POLICIES.resolve(null, submission)));
                Assessment a = assessor.evaluate(facts, submission, history);
                docs.add(new String[]{mapper.writeValueAsString(facts), submission.toString(),
                        mapper.writeValueAsString(a.findings()), a.decision().name()});
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long parse = 0;
        long evaluate = 0;
        long diff = 0;
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT up
            parse = 0;
            evaluate = 0;
            diff = 0;
            for (int i = 0; i < iterations; i++) {
                String[] d = docs.get(i % docs.size());
                long t0 = cpu.getCurrentThreadCpuTime();
                JsonNode submission = mapper.readTree(d[1]);
                Assessment a;
                long t1;
                if (tree) {
                    JsonNode facts = mapper.readTree(d[0]);
                    t1 = cpu.getCurrentThreadCpuTime();
                    a = assessor.evaluate(facts, submission, history);
                } else { // what ReReviewer.evaluate does: the text straight into CEL values (parse counted in evaluate)
                    // re-review fetches the URL policy again (refused here, as in the bench service)
                    JsonNode fresh = mapper.valueToTree(ReReviewBenchGenerator.BENCH_POLICIES.resolve(null, submission));
                    t1 = cpu.getCurrentThreadCpuTime();
                    a = assessor.evaluateStored(d[0], submission, history, fresh);
                }
                long t2 = cpu.getCurrentThreadCpuTime();
                FindingsDiff.between(d[3], mapper.readTree(d[2]), a.decision().name(), mapper.valueToTree(a.findings()));
                long t3 = cpu.getCurrentThreadCpuTime();
                parse += t1 - t0;
                evaluate += t2 - t1;
                diff += t3 - t2;
            }
        }
        double n = iterations * 1e6;
        System.out.printf("| evaluations | parse submission (+Facts tree, --tree) + policy refresh ms | evaluate pack ms (incl. JSON->CEL) | diff ms | total CPU ms/doc | 100k on 2 idle cores s |%n");
        System.out.printf("|---:|---:|---:|---:|---:|---:|%n");
        double total = (parse + evaluate + diff) / n;
        System.out.printf("| %d | %.2f | %.2f | %.2f | %.2f | %.0f |%n", iterations, parse / n, evaluate / n, diff / n,
                total, 100_000 * total / 1000 / 2);
    }
}
