package com.admissiongate.policy;

import java.time.Instant;
import java.util.List;

/**
 * A pack's verdict on one submission.
 *
 * @param rectifyBy   earliest deadline among RECTIFY findings when the decision is RECTIFY; else null
 * @param findings    FAIL and WARN findings plus GATE-INCOMPLETE, in pack order (GATE-INCOMPLETE first)
 * @param allResults  every rule of the pack with its outcome, in pack order
 * @param packVersion {@link RulePack#version()}, recorded on the verdict
 */
public record Evaluation(
        Decision decision,
        Instant rectifyBy,
        List<Finding> findings,
        List<RuleResult> allResults,
        String packVersion,
        Instant evaluatedAt) {

    public Evaluation {
        findings = List.copyOf(findings);
        allResults = List.copyOf(allResults);
    }

    /** Findings whose outcome is WARN (listed on an ACCEPT, routed to a reviewer). */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.outcome() == Action.WARN).toList();
    }
}
