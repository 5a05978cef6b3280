package com.admissiongate.bench;

import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.cli.ScanCommand;
import com.admissiongate.policy.CelJson;
import com.admissiongate.policy.CelValues;
import com.admissiongate.policy.CompiledRule;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.PolicyInput;
import com.admissiongate.policy.RulePack;
import com.admissiongate.verdict.HistoryService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Per-rule CPU profile of the re-review evaluation over the benchmark's Facts templates: for each compiled rule of
 * the shipped pack, the thread CPU time of {@link PolicyEvaluator#evaluateRule} averaged over the templates, plus the
 * cost of building the CEL input. Says which rules to make cheaper. Usage: {@code ReReviewRuleCost [rounds]}.
 */
public final class ReReviewRuleCost {

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        ObjectMapper mapper = new ObjectMapper();
        PolicyAssessor assessor = ScanCommand.offlineAssessor();
        RulePack pack = assessor.pack();
        PolicyEvaluator evaluator = new PolicyEvaluator();
        JsonNode history = new HistoryService(mapper, null).toHistory(null, null);
        Map<String, Object> catalog = assessor.assembler().catalogs().celView();
        List<String> texts = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(ReReviewBenchGenerator.TEMPLATES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode facts = mapper.readTree(f.toFile());
                texts.add(mapper.writeValueAsString(facts));
                subs.add(ReReviewBenchGenerator.submission(facts.path("manifest").path("package").asText()).toString());
            }
        }
        if (args.length > 1 && "--outcomes".equals(args[1])) {
            for (int d = 0; d < texts.size(); d++) {
                PolicyInput in = PolicyInput.ofCel(CelJson.readObject(texts.get(d)),
                        CelValues.toCelMap(mapper.readValue(subs.get(d), Map.class)),
                        CelValues.toCelMap(mapper.convertValue(history, Map.class)), CelValues.toCelMap(catalog));
                for (CompiledRule r : pack.rules()) {
                    var res = evaluator.evaluateRule(r, in);
                    System.out.println(d + " " + r.id() + " " + res.outcome() + " " + res);
                }
            }
            return;
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<CompiledRule> rules = pack.rules();
        long[] ruleCpu = new long[rules.size()];
        Map<String, Object> celCatalog = CelValues.toCelMap(catalog);
        long input = 0;
        long treeInput = 0;
        long n = 0;
        for (int round = 0; round < 2; round++) {
            java.util.Arrays.fill(ruleCpu, 0);
            input = 0;
            treeInput = 0;
            n = 0;
            for (int i = 0; i < rounds; i++) {
                int d = i % texts.size();
                long t0 = cpu.getCurrentThreadCpuTime();
                JsonNode facts = mapper.readTree(texts.get(d));
                PolicyInput.of(mapper.convertValue(facts, Map.class), Map.of(), Map.of(), Map.of());
                long t1 = cpu.getCurrentThreadCpuTime();
                treeInput += t1 - t0;
                JsonNode sub = mapper.readTree(subs.get(d));
                PolicyInput in = PolicyInput.ofCel(CelJson.readObject(texts.get(d)),
                        CelValues.toCelMap(mapper.convertValue(sub, Map.class)),
                        CelValues.toCelMap(mapper.convertValue(history, Map.class)), celCatalog);
                input += cpu.getCurrentThreadCpuTime() - t1;
                for (int r = 0; r < rules.size(); r++) {
                    long s = cpu.getCurrentThreadCpuTime();
                    evaluator.evaluateRule(rules.get(r), in);
                    ruleCpu[r] += cpu.getCurrentThreadCpuTime() - s;
                }
                n++;
            }
        }
        long total = input;
        for (long c : ruleCpu) {
            total += c;
        }
        System.out.printf("| step | CPU µs/doc | share |%n|---|---:|---:|%n");
        System.out.printf("| (Facts via readTree + convertValue + toCel, not in total) | %.0f | |%n", treeInput / 1e3 / n);
        System.out.printf("| parse + CEL input (CelJson) | %.0f | %.1f %% |%n", input / 1e3 / n, 100.0 * input / total);
        Integer[] order = new Integer[rules.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(i -> -ruleCpu[i]));
        for (int i : order) {
            System.out.printf("| %s | %.0f | %.1f %% |%n", rules.get(i).id(), ruleCpu[i] / 1e3 / n, 100.0 * ruleCpu[i] / total);
        }
        System.out.printf("| total | %.0f | |%n", total / 1e3 / n);
    }
}
