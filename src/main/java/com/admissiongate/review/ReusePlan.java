package com.admissiongate.review;

import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RuleOutcome;
import com.admissiongate.policy.RuleResult;
import com.admissiongate.policy.RuleShapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules a re-review must evaluate again for a stored verdict, and which stored results it may reuse.
 *
 * <p>A rule's result depends on the rule, the engine, the operator overrides and its inputs. For a listed app whose
 * Facts come from the current analyzer, the Facts, the submission and the catalogs (part of the analyzer version) are
 * the ones its verdict was taken on; only {@code history} can have moved, and the privacy policy when it is fetched
 * again (the caller compares it). So for a verdict of pack P, judged under the active pack A with the same engine and
 * overrides (the {@link EvaluationBasis} rows say so), every rule of A that is also in P with the same digest and
 * reads no history has the result it had: FAIL/WARN with the stored finding, PASS/NOT_APPLICABLE without one. The
 * others ({@link Base#evaluate}) are evaluated again, over only the parts of Facts they read ({@link #facts}).
 *
 * <p>Used as a filter only ({@link #unchanged}): when the merged results give the stored decision and the same set of
 * rules that fired, nothing changed (the test {@code FindingsDiff} applies); otherwise, or when anything is unusual (a
 * rule ERROR, a GATE-INCOMPLETE finding, a finding of a rule P does not have), the caller evaluates the whole pack,
 * so every revision it publishes is a full evaluation.
 */
public final class ReusePlan {

    /** For verdicts of one base pack: the active pack's rules to evaluate, the base rules whose stored result is void. */
    public record Base(Set<String> ruleIds, List<String> evaluate, Set<String> dropped, java.time.Instant since) {

        /** Whether a verdict decided at {@code decidedAt} was judged after this basis was recorded (else: in full). */
        public boolean covers(java.time.Instant decidedAt) {
            return since == null || (decidedAt != null && !decidedAt.isBefore(since));
        }
    }

    private final RulePack active;
    private final Map<String, Base> bases;
    private final com.admissiongate.policy.FactsSelection facts;

    private ReusePlan(RulePack active, Map<String, Base> bases, com.admissiongate.policy.FactsSelection facts) {
        this.active = active;
        this.bases = bases;
        this.facts = facts;
    }

    /**
     * @param active      the pack in force now
     * @param baseDigests pack version → rule digests of the packs whose verdicts may be reused ({@link EvaluationBasis#usable})
     */
    public static ReusePlan build(RulePack active, Map<String, Map<String, String>> baseDigests) {
        Map<String, EvaluationBasis.Usable> bases = new HashMap<>();
        baseDigests.forEach((v, d) -> bases.put(v, new EvaluationBasis.Usable(d, null)));
        return of(active, bases);
    }

    /** As {@link #build}, with since when each base pack's basis was recorded ({@link Base#covers}). */
    public static ReusePlan of(RulePack active, Map<String, EvaluationBasis.Usable> baseDigests) {
        Map<String, RuleShapes.Shape> shapes = RuleShapes.of(active);
        Map<String, Base> bases = new HashMap<>();
        com.admissiongate.policy.FactsSelection facts = com.admissiongate.policy.FactsSelection.of(RuleShapes.ALWAYS);
        boolean whole = false;
        for (Map.Entry<String, EvaluationBasis.Usable> b : baseDigests.entrySet()) {
            Map<String, String> old = b.getValue().digests();
            List<String> evaluate = new ArrayList<>();
            Set<String> dropped = new HashSet<>();
            for (Map.Entry<String, RuleShapes.Shape> s : shapes.entrySet()) {
                String id = s.getKey();
                if (s.getValue().volatileInputs() || !s.getValue().digest().equals(old.get(id))) {
                    evaluate.add(id);
                    dropped.add(id);
                    if (s.getValue().facts() == null) {
                        whole = true;
                    } else {
                        facts.add(s.getValue().facts());
                    }
                }
            }
            for (String id : old.keySet()) {
                if (!shapes.containsKey(id)) {
                    dropped.add(id); // removed from the pack: its stored finding goes
                }
            }
            bases.put(b.getKey(), new Base(Set.copyOf(old.keySet()), List.copyOf(evaluate), Set.copyOf(dropped),
                    b.getValue().since()));
        }
        return new ReusePlan(active, Map.copyOf(bases), whole ? null : facts);
    }

    public RulePack active() {
        return active;
    }

    /** The plan for verdicts of {@code packVersion}, or null: evaluate them in full. */
    public Base base(String packVersion) {
        return packVersion == null ? null : bases.get(packVersion);
    }

    public boolean reusesAnything() {
        return !bases.isEmpty();
    }

    /** The parts of Facts the check needs, or null for the whole document. */
    public com.admissiongate.policy.FactsSelection facts() {
        return facts;
    }

    /** Findings and decision of the active pack, as PolicyEvaluator gives them (before reviewers' waivers). */
    public record Merged(ArrayNode findings, String decision) {
    }

    /**
     * What a full evaluation under the active pack gives, built from the stored findings of the rules not evaluated
     * again (their waiver marks removed: {@link WaiverCarryOver} puts them back as it does on fresh findings) and the
     * new findings of the others, in the active pack's rule order. Null when the stored verdict cannot be merged (the
     * same conditions under which {@link #unchanged} says false without comparing): evaluate in full.
     *
     * @param newFindings the published form of the FAIL/WARN results of {@link Base#evaluate}
     */
    public Merged merge(Base base, JsonNode storedFindings, List<RuleResult> results, List<JsonNode> newFindings) {
        if (storedFindings == null || !storedFindings.isArray()) {
            return null;
        }
        for (RuleResult r : results) {
            if (r.outcome() == RuleOutcome.ERROR) {
                return null;
            }
        }
        Map<String, JsonNode> byRule = new HashMap<>();
        for (JsonNode f : storedFindings) {
            String id = f.path("ruleId").asText();
            if (!base.ruleIds().contains(id) || !(f instanceof ObjectNode)) {
                return null;
            }
            if (!base.dropped().contains(id)) {
                ObjectNode copy = ((ObjectNode) f).deepCopy();
                copy.remove("waived");
                byRule.putIfAbsent(id, copy);
            }
        }
        for (JsonNode f : newFindings) {
            byRule.put(f.path("ruleId").asText(), f);
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        boolean reject = false;
        boolean rectify = false;
        for (var rule : active.rules()) {
            JsonNode f = byRule.get(rule.id());
            if (f != null) {
                out.add(f);
                reject |= "REJECT".equals(f.path("outcome").asText());
                rectify |= "RECTIFY".equals(f.path("outcome").asText());
            }
        }
        return new Merged(out, reject ? "REJECT" : rectify ? "RECTIFY" : "ACCEPT");
    }

    /**
     * True only when the stored verdict is certainly what a full evaluation under the active pack gives (same decision,
     * same rules fired): the stored findings of the rules not evaluated again, plus the new results, decide as the
     * pipeline decides (a reviewer's waiver on a rule still counts as waived, {@link WaiverCarryOver}).
     *
     * @param base           {@link #base} of the verdict's pack (not null)
     * @param storedFindings the verdict's findings
     * @param storedDecision the verdict's decision
     * @param results        results of {@link Base#evaluate} under the active pack
     */
    public static boolean unchanged(Base base, JsonNode storedFindings, String storedDecision, List<RuleResult> results) {
        if (storedFindings == null || !storedFindings.isArray()) {
            return false;
        }
        Set<String> storedIds = new LinkedHashSet<>();
        Set<String> waived = new HashSet<>();
        Set<String> ids = new HashSet<>();
        boolean reject = false;
        boolean rectify = false;
        boolean openReject = false;
        boolean openRectify = false;
        int carried = 0;
        for (JsonNode f : storedFindings) {
            String id = f.path("ruleId").asText();
            if (!base.ruleIds().contains(id)) {
                return false; // GATE-INCOMPLETE or a finding the pack did not make: judge in full
            }
            storedIds.add(id);
            if (f.has("waived")) {
                waived.add(id);
            }
        }
        for (JsonNode f : storedFindings) {
            String id = f.path("ruleId").asText();
            if (base.dropped().contains(id) || !ids.add(id)) {
                continue;
            }
            String outcome = f.path("outcome").asText();
            boolean w = waived.contains(id);
            carried += w ? 1 : 0;
            reject |= "REJECT".equals(outcome);
            rectify |= "RECTIFY".equals(outcome);
            openReject |= !w && "REJECT".equals(outcome);
            openRectify |= !w && "RECTIFY".equals(outcome);
        }
        for (RuleResult r : results) {
            if (r.outcome() == RuleOutcome.ERROR) {
                return false;
            }
            if (r.outcome() != RuleOutcome.FAIL && r.outcome() != RuleOutcome.WARN) {
                continue;
            }
            if (!ids.add(r.ruleId())) {
                return false; // cannot happen (a dropped id was skipped above); judge in full rather than guess
            }
            String outcome = r.action() == null ? "" : r.action().name();
            boolean w = waived.contains(r.ruleId());
            carried += w ? 1 : 0;
            reject |= "REJECT".equals(outcome);
            rectify |= "RECTIFY".equals(outcome);
            openReject |= !w && "REJECT".equals(outcome);
            openRectify |= !w && "RECTIFY".equals(outcome);
        }
        if (!ids.equals(storedIds)) {
            return false;
        }
        // PolicyEvaluator's decision, then WaiverCarryOver's: with a waiver carried, only the open findings decide
        String decision = carried == 0
                ? (reject ? "REJECT" : rectify ? "RECTIFY" : "ACCEPT")
                : (openReject ? "REJECT" : openRectify ? "RECTIFY" : "ACCEPT");
        return decision.equals(storedDecision);
    }
}
