package com.admissiongate.review;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.analysis.StoredFactsEvaluationTests;
import com.admissiongate.cli.ScanCommand;
import com.admissiongate.policy.CelJson;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackLoader;
import com.admissiongate.policy.RuleResult;
import com.admissiongate.policy.RuleShapes;
import com.admissiongate.verdict.FindingsDiff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-review's reuse of stored rule results ({@link ReusePlan}) held to the full evaluation: for stored verdicts of the
 * shipped pack over ~200 varied document sets (the bench templates and every rule sample case), and packs changed the
 * ways operators change them, the check may say "unchanged" only when a full evaluation under the new pack gives the
 * same decision and fired rules, and it must say so for nearly all of those (else it saves nothing).
 */
class ReusePlanTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static PolicyAssessor base;
    private static List<StoredFactsEvaluationTests.Case> cases;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        base = ScanCommand.offlineAssessor();
        cases = StoredFactsEvaluationTests.cases();
    }

    @Test
    void shapesReadTheSectionsAndInputsTheRulesUse() throws Exception {
        Map<String, RuleShapes.Shape> shapes = RuleShapes.of(base.pack());
        // two levels deep: the keys of a section a rule reads, the whole section when it calls a method on it
        assertEquals(Map.of("manifest", Set.of("minSdk", "targetSdk")), shapes.get("BUILD-01-TARGETSDK").facts().parts());
        assertEquals(Map.of("manifest", Set.of("permissions"), "privacyPolicy", Set.of(), "sdks", Set.of()),
                shapes.get("RD191-2.2-CHANGE-NOT-NOTIFIED").facts().parts());
        assertFalse(shapes.get("BUILD-01-TARGETSDK").volatileInputs());
        assertTrue(shapes.get("SIGN-02-CERT-CHANGED").volatileInputs(), "reads history");
        assertTrue(shapes.get("MP-1-NOT-INDEPENDENT").volatileInputs(), "reads history (policy sharers)");
        // a rule that reads facts other than by a field needs the whole document
        RulePack pack = mutated(tmp.resolve("whole"), "BUILD-01-TARGETSDK.yaml",
                s -> s.replace("violation: variables.targetSdk < 30", "violation: variables.targetSdk < 30 && size(facts) > 0"));
        assertNull(RuleShapes.of(pack).get("BUILD-01-TARGETSDK").facts());
        assertNull(ReusePlan.build(pack, Map.of(base.pack().version(), RuleShapes.digests(base.pack()))).facts());
        // same rules, same digests; one changed expression, one changed digest
        Map<String, String> a = RuleShapes.digests(base.pack());
        Map<String, String> b = RuleShapes.digests(pack);
        assertEquals(a.keySet(), b.keySet());
        long differing = a.keySet().stream().filter(id -> !a.get(id).equals(b.get(id))).count();
        assertEquals(1, differing);
    }

    @Test
    void thresholdChangeReusesEverythingElseAndAgreesWithFullEvaluation() throws Exception {
        RulePack next = mutated(tmp.resolve("threshold"), "BUILD-01-TARGETSDK.yaml",
                s -> s.replace("violation: variables.targetSdk < 30", "violation: variables.targetSdk < 31"));
        Counts c = compare(next);
        assertTrue(c.changed > 0, "the change must change some verdicts: " + c);
        assertTrue(c.reused >= c.unchanged * 9 / 10, "most unchanged verdicts settled by reuse: " + c);
        assertTrue(c.merged >= c.changed - 1, "changed verdicts rebuilt from stored and new findings: " + c);
    }

    @Test
    void outcomeChangeRemovedRuleAndNewRuleAgreeWithFullEvaluation() throws Exception {
        Counts outcome = compare(mutated(tmp.resolve("outcome"), "SEC-01-CLEARTEXT.yaml",
                s -> s.replace("\noutcome: RECTIFY", "\noutcome: REJECT")));
        assertTrue(outcome.changed > 0, "RECTIFY→REJECT changes decisions: " + outcome);

        Path removedDir = tmp.resolve("removed");
        copyPack(removedDir);
        Files.delete(removedDir.resolve("META-02-NO-FILING.yaml"));
        RulePack removed = mutated(removedDir, "pack.yaml", s -> s.replace("  - META-02-NO-FILING.yaml\n", ""));
        Counts r = compare(removed);
        assertTrue(r.changed > 0, "a removed rule resolves its findings: " + r);

        Path addedDir = tmp.resolve("added");
        copyPack(addedDir);
        String sign03 = Files.readString(addedDir.resolve("SIGN-03-DEBUG.yaml"));
        Files.writeString(addedDir.resolve("SIGN-99-DEBUG-AGAIN.yaml"), sign03.replace("id: SIGN-03-DEBUG", "id: SIGN-99-DEBUG-AGAIN"));
        Path pack = addedDir.resolve("pack.yaml");
        Files.writeString(pack, Files.readString(pack).replace("  - SIGN-03-DEBUG.yaml\n", "  - SIGN-03-DEBUG.yaml\n  - SIGN-99-DEBUG-AGAIN.yaml\n")
                .replaceFirst("(?m)^version: (.*)$", "version: $1-added"));
        Counts a = compare(new RulePackLoader().load(addedDir));
        assertTrue(a.changed > 0, "a new rule adds findings: " + a);

        Counts message = compare(mutated(tmp.resolve("message"), "SIGN-03-DEBUG.yaml", s -> s.replace("  en: 'This is a debug build: {{evidence}}'", "  en: 'This is a debug build, not a release: {{evidence}}'")));
        assertEquals(0, message.changed, "a message edit changes no decision: " + message);
    }

    @Test
    void aWaivedFindingStillCountsAsWaived() throws Exception {
        RulePack next = mutated(tmp.resolve("w"), "BUILD-01-TARGETSDK.yaml",
                s -> s.replace("violation: variables.targetSdk < 30", "violation: variables.targetSdk < 35"));
        ReusePlan.Base b = ReusePlan.build(next, Map.of(base.pack().version(), RuleShapes.digests(base.pack())))
                .base(base.pack().version());
        ArrayNode stored = MAPPER.createArrayNode();
        ObjectNode f = stored.addObject().put("ruleId", "SIGN-03-DEBUG").put("outcome", "REJECT");
        f.putObject("waived").put("by", "reviewer-1");
        assertTrue(ReusePlan.unchanged(b, stored, "ACCEPT", List.of()), "the waived REJECT is not open");
        assertFalse(ReusePlan.unchanged(b, stored, "REJECT", List.of()), "the stored decision is not what it gives");
        ReusePlan.Merged m = ReusePlan.build(next, Map.of(base.pack().version(), RuleShapes.digests(base.pack())))
                .merge(b, stored, List.of(), List.of());
        assertEquals("[{\"ruleId\":\"SIGN-03-DEBUG\",\"outcome\":\"REJECT\"}]", MAPPER.writeValueAsString(m.findings()),
                "the waiver mark is left to WaiverCarryOver, as on fresh findings");
        assertEquals("REJECT", m.decision());
        stored.addObject().put("ruleId", "GATE-INCOMPLETE").put("outcome", "REJECT");
        assertFalse(ReusePlan.unchanged(b, stored, "REJECT", List.of()), "GATE-INCOMPLETE is judged in full");
        assertNull(ReusePlan.build(next, Map.of(base.pack().version(), RuleShapes.digests(base.pack())))
                .merge(b, stored, List.of(), List.of()), "and not merged");
    }

    @Test
    void aRefetchedPolicyIsComparedWithTheStoredSectionByValue() throws Exception {
        String stored = "{\"status\":\"parsed\",\"chars\":120,\"ratio\":0.5,\"sha256\":null,\"ok\":true,"
                + "\"sections\":{\"sharing\":[\"a\",\"b\"]},\"sdks\":[]}";
        Map<String, Object> cel = CelJson.readObject("{\"p\":" + stored + "}");
        assertTrue(CandidateJudge.sameJson(MAPPER.readTree(stored), cel.get("p")));
        // numbers by value, whatever node type the fetch path built
        ObjectNode built = (ObjectNode) MAPPER.readTree(stored);
        built.put("chars", 120L).put("ratio", 0.5f);
        assertTrue(CandidateJudge.sameJson(built, cel.get("p")));
        assertFalse(CandidateJudge.sameJson(built.deepCopy().put("chars", 121), cel.get("p")));
        assertFalse(CandidateJudge.sameJson(built.deepCopy().put("chars", "120"), cel.get("p")));
        assertFalse(CandidateJudge.sameJson(built.deepCopy().put("extra", 1), cel.get("p")));
        assertFalse(CandidateJudge.sameJson(built.deepCopy().without("ok"), cel.get("p")));
        ObjectNode reordered = built.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) reordered.path("sections").path("sharing")).removeAll().add("b").add("a");
        assertFalse(CandidateJudge.sameJson(reordered, cel.get("p")), "list order matters");
        assertFalse(CandidateJudge.sameJson(MAPPER.readTree(stored), null), "no stored section");
    }

    @Test
    void verdictsDecidedBeforeTheBasisWasRecordedAreJudgedInFull() {
        java.time.Instant since = java.time.Instant.parse("2026-12-01T00:00:00Z");
        ReusePlan plan = ReusePlan.of(base.pack(), Map.of(base.pack().version(),
                new EvaluationBasis.Usable(RuleShapes.digests(base.pack()), since)));
        ReusePlan.Base b = plan.base(base.pack().version());
        assertTrue(b.covers(since));
        assertTrue(b.covers(since.plusSeconds(1)));
        assertFalse(b.covers(since.minusSeconds(1)), "judged by a replica older than the basis table");
        assertFalse(b.covers(null));
        assertNull(plan.base("cn-app-pi@0.0.1+sha256:00000000"), "a pack without a basis row");
        assertEquals(List.of(), b.evaluate().stream().filter(id -> !RuleShapes.of(base.pack()).get(id).volatileInputs()).toList(),
                "same pack: only the history rules are evaluated again");
    }

    record Counts(int cases, int changed, int unchanged, int reused, int merged) {
    }

    /**
     * Stored verdict under the shipped pack; full evaluation under {@code next}; the reuse check over only the Facts
     * sections the plan asks for. Fails on any case the check calls unchanged that the full evaluation changes.
     */
    private Counts compare(RulePack next) throws IOException {
        ReusePlan plan = ReusePlan.build(next, Map.of(base.pack().version(), RuleShapes.digests(base.pack())));
        ReusePlan.Base b = plan.base(base.pack().version());
        PolicyAssessor nextAssessor = base.withPack(next);
        int changed = 0;
        int unchanged = 0;
        int reused = 0;
        int merged = 0;
        for (StoredFactsEvaluationTests.Case c : cases) {
            Assessment stored = base.evaluateStored(c.facts(), c.submission(), c.history());
            JsonNode storedFindings = MAPPER.valueToTree(stored.findings());
            Assessment full = nextAssessor.evaluateStored(c.facts(), c.submission(), c.history());
            boolean same = FindingsDiff.between(stored.decision().name(), storedFindings, full.decision().name(),
                    MAPPER.valueToTree(full.findings())).isEmpty();
            Map<String, Object> facts = plan.facts() == null ? CelJson.readObject(c.facts())
                    : plan.facts().select(CelJson.readObject(c.facts()));
            // as the re-review calls it: submission text and history tree straight into CEL values
            @SuppressWarnings("unchecked")
            Map<String, Object> history = c.history() == null ? Map.of()
                    : (Map<String, Object>) com.admissiongate.policy.CelValues.fromJson(c.history());
            List<RuleResult> results = nextAssessor.evaluateRules(next, b.evaluate(), facts,
                    c.submission() == null ? Map.of() : CelJson.readObject(MAPPER.writeValueAsString(c.submission())), history);
            assertEquals(nextAssessor.evaluateRules(next, b.evaluate(), facts, c.submission(), c.history()), results,
                    c.name() + ": CEL values straight from the text give what the Jackson conversion gives");
            boolean check = ReusePlan.unchanged(b, storedFindings, stored.decision().name(), results);
            if (check) {
                assertTrue(same, c.name() + ": reuse said unchanged, full evaluation changed " + stored.decision()
                        + " → " + full.decision());
                reused++;
            } else {
                List<JsonNode> added = new java.util.ArrayList<>();
                nextAssessor.findings(next, results).forEach(f -> added.add(MAPPER.valueToTree(f)));
                ReusePlan.Merged m = plan.merge(b, storedFindings, results, added);
                if (m != null) {
                    // the published findings of a changed verdict are exactly the full evaluation's, in pack order
                    assertEquals(MAPPER.writeValueAsString(full.findings()), MAPPER.writeValueAsString(m.findings()), c.name());
                    assertEquals(full.decision().name(), m.decision(), c.name());
                    merged++;
                }
            }
            if (same) {
                unchanged++;
            } else {
                changed++;
            }
        }
        Counts counts = new Counts(cases.size(), changed, unchanged, reused, merged);
        assertTrue(counts.cases > 100, "varied inputs: " + counts);
        return counts;
    }

    private RulePack mutated(Path dir, String file, UnaryOperator<String> edit) throws Exception {
        if (!Files.isDirectory(dir)) {
            copyPack(dir);
        }
        Path f = dir.resolve(file);
        String before = Files.readString(f);
        String after = edit.apply(before);
        assertFalse(before.equals(after), "the edit of " + file + " must change it");
        Files.writeString(f, after);
        Path pack = dir.resolve("pack.yaml");
        Files.writeString(pack, Files.readString(pack).replaceFirst("(?m)^version: (.*)$", "version: $1-" + dir.getFileName()));
        return new RulePackLoader().load(dir);
    }

    private static void copyPack(Path dir) throws IOException {
        Path src = Path.of("src/main/resources/policies/cn-app-pi");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(src)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
    }
}
