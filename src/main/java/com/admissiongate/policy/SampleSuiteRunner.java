package com.admissiongate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs a pack's samples, gatekeeper-suite style. Layout under the samples directory:
 *
 * <pre>
 * _base/{facts,submission,history,catalog}.json   complete documents every case starts from
 * &lt;RULE-ID&gt;/expected.yaml                          cases: {&lt;case&gt;: {outcome, action?, evidence?}}
 * &lt;RULE-ID&gt;/&lt;case&gt;/{facts,submission,history,catalog}.json   optional patches ({@link SamplePatch})
 * </pre>
 *
 * A case passes when the rule's outcome (and action, if given) equal the expectation and, if
 * {@code evidence} is given, some evidence item contains it.
 */
public final class SampleSuiteRunner {

    static final String BASE_DIR = "_base";
    static final List<String> DOCUMENTS = List.of("facts", "submission", "history", "catalog");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path samplesDir;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public SampleSuiteRunner(Path samplesDir) {
        this.samplesDir = samplesDir;
    }

    /** One sample case; {@code problem} is null when it passed. */
    public record CaseResult(String ruleId, String caseName, RuleResult actual, String problem) {
        public boolean passed() {
            return problem == null;
        }
    }

    /** A case as found on disk, without running it. */
    public record SampleCase(String ruleId, String caseName, RuleOutcome outcome, Action action, String evidence) {
    }

    public List<SampleCase> cases() throws IOException {
        List<SampleCase> out = new ArrayList<>();
        for (String ruleId : ruleDirs()) {
            Path expected = samplesDir.resolve(ruleId).resolve("expected.yaml");
            if (!Files.isRegularFile(expected)) {
                continue;
            }
            JsonNode cases = YAML.readTree(expected.toFile()).path("cases");
            Iterator<Map.Entry<String, JsonNode>> it = cases.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode c = e.getValue();
                out.add(new SampleCase(ruleId, e.getKey(), RuleOutcome.valueOf(c.path("outcome").asText()),
                        c.hasNonNull("action") ? Action.valueOf(c.get("action").asText()) : null,
                        c.hasNonNull("evidence") ? c.get("evidence").asText() : null));
            }
        }
        return out;
    }

    public List<CaseResult> run(RulePack pack) throws IOException {
        List<CaseResult> results = new ArrayList<>();
        for (SampleCase c : cases()) {
            results.add(run(pack, c));
        }
        return results;
    }

    public CaseResult run(RulePack pack, SampleCase c) throws IOException {
        CompiledRule rule = pack.rule(c.ruleId()).orElse(null);
        if (rule == null) {
            return new CaseResult(c.ruleId(), c.caseName(), null, "no rule " + c.ruleId() + " in " + pack.version());
        }
        PolicyInput input = input(c.ruleId(), c.caseName());
        RuleResult actual = evaluator.evaluateRule(rule, input);
        List<String> problems = new ArrayList<>();
        if (actual.outcome() != c.outcome()) {
            problems.add("outcome " + actual.outcome() + " != expected " + c.outcome()
                    + (actual.detail() == null ? "" : " (" + actual.detail() + ")"));
        }
        if (c.action() != null && actual.action() != c.action()) {
            problems.add("action " + actual.action() + " != expected " + c.action());
        }
        if (c.evidence() != null
                && actual.evidence().stream().noneMatch(e -> String.valueOf(e).contains(c.evidence()))) {
            problems.add("no evidence item contains \"" + c.evidence() + "\" in " + actual.evidence());
        }
        return new CaseResult(c.ruleId(), c.caseName(), actual, problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Base documents with the case's merge patches applied, converted for CEL. */
    public PolicyInput input(String ruleId, String caseName) throws IOException {
        JsonNode[] docs = new JsonNode[DOCUMENTS.size()];
        for (int i = 0; i < DOCUMENTS.size(); i++) {
            String name = DOCUMENTS.get(i) + ".json";
            JsonNode doc = JSON.readTree(samplesDir.resolve(BASE_DIR).resolve(name).toFile());
            Path patch = samplesDir.resolve(ruleId).resolve(caseName).resolve(name);
            if (Files.isRegularFile(patch)) {
                doc = SamplePatch.apply(doc, JSON.readTree(patch.toFile()));
            }
            docs[i] = doc;
        }
        return PolicyInput.of(asMap(docs[0]), asMap(docs[1]), asMap(docs[2]), asMap(docs[3]));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(JsonNode node) {
        return (Map<String, ?>) CelValues.fromJson(node);
    }

    /**
     * Rules without at least one PASS case and one FAIL-or-WARN case, and sample directories naming no rule
     * of the pack: every rule ships with its own samples.
     */
    public List<String> coverageProblems(RulePack pack) throws IOException {
        List<String> problems = new ArrayList<>();
        List<SampleCase> cases = cases();
        for (CompiledRule rule : pack.rules()) {
            boolean pass = cases.stream().anyMatch(c -> c.ruleId().equals(rule.id()) && c.outcome() == RuleOutcome.PASS);
            boolean fail = cases.stream().anyMatch(c -> c.ruleId().equals(rule.id())
                    && (c.outcome() == RuleOutcome.FAIL || c.outcome() == RuleOutcome.WARN));
            if (!pass) {
                problems.add(rule.id() + ": no PASS sample");
            }
            if (!fail) {
                problems.add(rule.id() + ": no FAIL/WARN sample");
            }
        }
        for (String dir : ruleDirs()) {
            if (pack.rule(dir).isEmpty()) {
                problems.add(dir + ": samples for a rule that is not in " + pack.version());
            }
        }
        return problems;
    }

    private Set<String> ruleDirs() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(samplesDir)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_")).forEach(out::add);
        }
        return out;
    }
}
