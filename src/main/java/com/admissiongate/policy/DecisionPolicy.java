package com.admissiongate.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines rule results into a decision, failing closed.
 *
 * <ol>
 *   <li>Any rule ERROR (evaluation error, or an area it needs is incomplete) → REJECT with one synthetic
 *       {@value Finding#GATE_INCOMPLETE} finding naming the areas and rules, marked retryable;</li>
 *   <li>else any REJECT → REJECT;</li>
 *   <li>else any RECTIFY → RECTIFY, due at the earliest {@code now + rectifyDays};</li>
 *   <li>else ACCEPT, with WARN findings listed.</li>
 * </ol>
 */
public final class DecisionPolicy {

    /** Used when an override turns a rule into RECTIFY without saying how long the developer has. */
    public static final int DEFAULT_RECTIFY_DAYS = 30;

    static final LocalizedText INCOMPLETE_TITLE = new LocalizedText("无法完成审核：分析不完整或规则执行出错",
            "Review could not be completed: incomplete analysis or rule error");
    static final LocalizedText INCOMPLETE_FIX = new LocalizedText(
            "重新提交可被完整解析的安装包；若问题持续，请联系商店审核人员。",
            "Resubmit an APK that can be fully analysed; if this persists, contact the store reviewers.");

    public record Outcome(Decision decision, Instant rectifyBy, List<Finding> findings) {
    }

    public Outcome decide(RulePack pack, List<RuleResult> results, Map<String, String> incompleteAreas,
            Instant now) {
        List<Finding> findings = new ArrayList<>();
        List<Object> incompleteEvidence = new ArrayList<>();
        Map<String, String> neededAreas = new LinkedHashMap<>();
        List<String> erroredRules = new ArrayList<>();
        boolean reject = false;
        Instant rectifyBy = null;
        for (RuleResult r : results) {
            if (r.outcome() == RuleOutcome.ERROR) {
                erroredRules.add(r.ruleId());
                if (r.incompleteAreas().isEmpty()) {
                    incompleteEvidence.add(r.ruleId() + ": " + r.detail());
                } else {
                    for (String area : r.incompleteAreas()) {
                        neededAreas.put(area, incompleteAreas.getOrDefault(area, ""));
                    }
                }
                continue;
            }
            if (r.outcome() != RuleOutcome.FAIL && r.outcome() != RuleOutcome.WARN) {
                continue;
            }
            Rule rule = pack.rule(r.ruleId()).orElseThrow().rule();
            findings.add(new Finding(rule.id(), rule.title(), rule.basis(), rule.severity(), r.outcome(),
                    r.action(), r.message(), r.evidence(), rule.fix(), r.rectifyDays(), false, r.note()));
            if (r.action() == Action.REJECT) {
                reject = true;
            } else if (r.action() == Action.RECTIFY) {
                Instant due = now.plus(Duration.ofDays(r.rectifyDays()));
                if (rectifyBy == null || due.isBefore(rectifyBy)) {
                    rectifyBy = due;
                }
            }
        }
        if (!erroredRules.isEmpty()) {
            List<Object> evidence = new ArrayList<>();
            neededAreas.forEach((area, reason) -> evidence.add("incomplete " + area
                    + (reason.isEmpty() ? "" : ": " + reason)));
            evidence.addAll(incompleteEvidence);
            String rules = String.join(", ", erroredRules);
            String areas = String.join(", ", neededAreas.keySet());
            LocalizedText message = new LocalizedText(
                    (areas.isEmpty() ? "" : "以下部分未能完整分析：" + areas + "；")
                            + "以下规则无法得出结论：" + rules + "。为安全起见拒绝上架，可重试。",
                    (areas.isEmpty() ? "" : "Could not fully analyse: " + areas + "; ")
                            + "rules without a result: " + rules + ". Rejected to fail closed; retry may help.");
            findings.add(0, new Finding(Finding.GATE_INCOMPLETE, INCOMPLETE_TITLE, List.of(), Severity.CRITICAL,
                    RuleOutcome.ERROR, Action.REJECT, message, evidence, INCOMPLETE_FIX, null, true, null));
            return new Outcome(Decision.REJECT, null, findings);
        }
        if (reject) {
            return new Outcome(Decision.REJECT, null, findings);
        }
        if (rectifyBy != null) {
            return new Outcome(Decision.RECTIFY, rectifyBy, findings);
        }
        return new Outcome(Decision.ACCEPT, null, findings);
    }
}
