package com.admissiongate.review;

import com.admissiongate.policy.DecisionPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * A reviewer's waiver outlives re-evaluation. When a re-review or re-scan judges an upload again, a finding of a rule
 * the reviewer waived on this upload keeps its {@code waived} mark (who, why, when), and the decision is taken from
 * the findings that are not waived, exactly as {@link OverrideService#waiveFinding} decided it. Without this, any
 * change elsewhere in the findings (a new rule, a refreshed policy) silently undid the waiver and could turn a listed
 * app back to RECTIFY or REJECT.
 */
public final class WaiverCarryOver {

    private WaiverCarryOver() {
    }

    /** The new findings with carried waivers, the decision they give, and the shortest rectifyDays left open. */
    public record Result(ArrayNode findings, String decision, Integer minRectifyDays, int carried) {
    }

    /**
     * @param previous the stored findings (may carry {@code waived} marks); null or not an array: nothing to carry
     * @param fresh    the re-evaluated findings; changed in place
     * @param decision the evaluator's decision for {@code fresh}; kept when nothing is carried
     */
    public static Result apply(JsonNode previous, ArrayNode fresh, String decision) {
        Map<String, JsonNode> waivers = new HashMap<>();
        if (previous != null && previous.isArray()) {
            for (JsonNode f : previous) {
                if (f.has("waived")) {
                    waivers.putIfAbsent(f.path("ruleId").asText(), f.get("waived"));
                }
            }
        }
        int carried = 0;
        for (JsonNode f : fresh) {
            ObjectNode finding = (ObjectNode) f;
            JsonNode mark = waivers.get(finding.path("ruleId").asText());
            if (mark != null && !finding.has("waived")) {
                finding.set("waived", mark.deepCopy());
                carried++;
            }
        }
        Open open = open(fresh);
        if (carried == 0) {
            return new Result(fresh, decision, open.minRectifyDays(), 0);
        }
        return new Result(fresh, open.decision(), open.minRectifyDays(), carried);
    }

    /** What the findings nobody waived decide, and their shortest rectifyDays (null unless the decision is RECTIFY). */
    public record Open(String decision, Integer minRectifyDays) {
    }

    /** The decision rule of a waiver: any open REJECT rejects, else any open RECTIFY rectifies, else ACCEPT. */
    public static Open open(JsonNode findings) {
        boolean reject = false;
        Integer minDays = null;
        for (JsonNode finding : findings) {
            if (finding.has("waived")) {
                continue;
            }
            String outcome = finding.path("outcome").asText();
            if ("REJECT".equals(outcome)) {
                reject = true;
            } else if ("RECTIFY".equals(outcome)) {
                int days = finding.path("rectifyDays").isInt() ? finding.path("rectifyDays").asInt()
                        : DecisionPolicy.DEFAULT_RECTIFY_DAYS;
                minDays = minDays == null ? days : Math.min(minDays, days);
            }
        }
        return reject ? new Open("REJECT", null) : minDays != null ? new Open("RECTIFY", minDays) : new Open("ACCEPT", null);
    }
}
