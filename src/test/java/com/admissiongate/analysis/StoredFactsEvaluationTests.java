package com.admissiongate.analysis;

import com.admissiongate.cli.ScanCommand;
import com.admissiongate.policy.CelJson;
import com.admissiongate.policy.CelValues;
import com.admissiongate.policy.SamplePatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-review reads stored Facts text straight into CEL values ({@link PolicyAssessor#evaluateStored}); these tests
 * hold it to exactly the findings and decision of the tree path ({@link PolicyAssessor#evaluate} over
 * {@code readTree}) on varied Facts: the re-review benchmark's five real-APK templates, and the rule samples' base
 * Facts with every sample case's patches applied (each rule's PASS/FAIL/WARN/ERROR corners), under the shipped pack.
 */
public class StoredFactsEvaluationTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SAMPLES = Path.of("src/test/resources/policies");
    private static PolicyAssessor assessor;

    @BeforeAll
    static void pack() {
        assessor = ScanCommand.offlineAssessor();
    }

    /** One document set: Facts as stored text, submission and history as the re-reviewer passes them. */
    public record Case(String name, String facts, JsonNode submission, JsonNode history) {
    }

    @Test
    void storedTextPathJudgesExactlyAsTheTreePath() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() > 100, "varied inputs: " + cases.size());
        int decisions = 0;
        for (Case c : cases) {
            Assessment tree = assessor.evaluate(MAPPER.readTree(c.facts()), c.submission(), c.history());
            Assessment stored = assessor.evaluateStored(c.facts(), c.submission(), c.history());
            assertEquals(tree.decision(), stored.decision(), c.name());
            assertEquals(tree.rectifyBy(), stored.rectifyBy(), c.name());
            assertEquals(tree.retryable(), stored.retryable(), c.name());
            assertEquals(tree.rulePackVersion(), stored.rulePackVersion(), c.name());
            assertEquals(tree.analyzerVersion(), stored.analyzerVersion(), c.name());
            assertEquals(tree.signerSha256(), stored.signerSha256(), c.name());
            assertEquals(MAPPER.writeValueAsString(tree.findings()), MAPPER.writeValueAsString(stored.findings()), c.name());
            decisions += tree.findings().size();
        }
        assertTrue(decisions > 300, "findings compared: " + decisions);
    }

    @Test
    void celJsonGivesTheSameValuesAsTreeConversion() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Case c : cases()) {
            texts.add(c.facts());
        }
        texts.add("{\"big\":123456789012345678901234567890,\"max\":9223372036854775807,\"min\":-9223372036854775808,"
                + "\"f\":1.5e300,\"neg\":-0.0,\"i\":7,\"e\":1E2,\"n\":null,\"t\":true,\"s\":\"\\u00e9\\ud83d\\ude00 \\\"q\\\"\","
                + "\"a\":[[],{},[null,1,2.25,\"x\"]],\"o\":{\"dup\":1,\"dup\":2},\"z\":{}}");
        for (String text : texts) {
            Object viaTree = CelValues.toCel(MAPPER.convertValue(MAPPER.readTree(text), Map.class));
            Map<String, Object> direct = CelJson.readObject(text);
            assertEquals(viaTree, direct, text.length() > 80 ? text.substring(0, 80) : text);
            assertEquals(viaTree.toString(), direct.toString()); // same key order, same number types' rendering
        }
        Map<String, Object> edge = CelJson.readObject(texts.get(texts.size() - 1));
        assertEquals(1.2345678901234568E29, edge.get("big"));
        assertEquals(Long.MAX_VALUE, edge.get("max"));
        assertEquals(100.0, edge.get("e"));
        assertEquals(7L, edge.get("i"));
        assertEquals(Map.of("dup", 2L), edge.get("o"));
    }

    @Test
    void textThatIsNotAnObjectFallsBackToTheTreePathAndMalformedTextFails() throws IOException {
        assertThrows(IOException.class, () -> CelJson.readObject("[1]"));
        assertThrows(IOException.class, () -> CelJson.readObject("{\"a\":1"));
        assertThrows(IOException.class, () -> CelJson.readObject("{\"a\":1} x"));
        JsonNode history = MAPPER.readTree("{}");
        Assessment tree = assessor.evaluate(MAPPER.readTree("null"), null, history);
        Assessment stored = assessor.evaluateStored("null", null, history);
        assertEquals(MAPPER.writeValueAsString(tree.findings()), MAPPER.writeValueAsString(stored.findings()));
        assertEquals(tree.decision(), stored.decision());
        assertThrows(IOException.class, () -> assessor.evaluateStored("{\"manifest\":", null, history));
    }

    @Test
    void storedPathKeepsNoTree() throws IOException {
        Case c = cases().get(0);
        assertNull(assessor.evaluateStored(c.facts(), c.submission(), c.history()).facts());
    }

    public static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        JsonNode emptyHistory = MAPPER.readTree("{\"lastAccepted\":null,\"registeredKeyChanges\":[]}");
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/bench/rereview"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode facts = MAPPER.readTree(f.toFile());
                ObjectNode sub = MAPPER.createObjectNode().put("package", facts.path("manifest").path("package").asText())
                        .put("versionCode", 1).put("appName", "Bench");
                out.add(new Case(f.getFileName().toString(), MAPPER.writeValueAsString(facts), sub, emptyHistory));
                // the same Facts with a policy section, as an upload naming a policy stores them
                ObjectNode withPolicy = facts.deepCopy();
                withPolicy.putObject("privacyPolicy").put("status", "unavailable").put("source", "url");
                out.add(new Case(f.getFileName() + "+policy", MAPPER.writeValueAsString(withPolicy), sub, emptyHistory));
            }
        }
        JsonNode baseFacts = MAPPER.readTree(SAMPLES.resolve("_base/facts.json").toFile());
        JsonNode baseSub = MAPPER.readTree(SAMPLES.resolve("_base/submission.json").toFile());
        JsonNode baseHistory = MAPPER.readTree(SAMPLES.resolve("_base/history.json").toFile());
        try (Stream<Path> rules = Files.list(SAMPLES)) {
            for (Path rule : rules.filter(Files::isDirectory).filter(p -> !p.endsWith("_base")).sorted().toList()) {
                try (Stream<Path> caseDirs = Files.list(rule)) {
                    for (Path dir : caseDirs.filter(Files::isDirectory).sorted().toList()) {
                        out.add(new Case(rule.getFileName() + "/" + dir.getFileName(),
                                MAPPER.writeValueAsString(patched(baseFacts, dir.resolve("facts.json"))),
                                patched(baseSub, dir.resolve("submission.json")),
                                patched(baseHistory, dir.resolve("history.json"))));
                    }
                }
            }
        }
        return out;
    }

    private static JsonNode patched(JsonNode base, Path patch) throws IOException {
        return Files.isRegularFile(patch) ? SamplePatch.apply(base, MAPPER.readTree(patch.toFile())) : base;
    }
}
