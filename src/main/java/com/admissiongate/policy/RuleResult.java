package com.admissiongate.policy;

import java.util.List;

/**
 * Outcome of one rule on one submission (one row of {@link Evaluation#allResults()}).
 *
 * @param action      the effective action after outcomeWhen and operator overrides; null unless FAIL or WARN
 * @param rectifyDays days to fix, for RECTIFY; otherwise null
 * @param message     rendered message; null unless FAIL or WARN
 * @param detail      why ERROR (evaluation error or incomplete area) or NOT_APPLICABLE by override; else null
 * @param incompleteAreas Facts areas this rule needs that the analyzer could not finish; empty otherwise
 * @param note        audit note when an operator override changed or skipped the rule; else null
 */
public record RuleResult(
        String ruleId,
        RuleOutcome outcome,
        Action action,
        Integer rectifyDays,
        List<Object> evidence,
        LocalizedText message,
        String detail,
        List<String> incompleteAreas,
        String note) {

    public RuleResult {
        evidence = evidence == null ? List.of() : java.util.Collections.unmodifiableList(evidence);
        incompleteAreas = incompleteAreas == null ? List.of() : List.copyOf(incompleteAreas);
    }

    static RuleResult of(String ruleId, RuleOutcome outcome, String detail) {
        return new RuleResult(ruleId, outcome, null, null, List.of(), null, detail, List.of(), null);
    }
}
