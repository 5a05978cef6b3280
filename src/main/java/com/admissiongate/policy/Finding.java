package com.admissiongate.policy;

import java.util.List;

/**
 * What a developer acts on and a regulator recognises: a violated (FAIL) or warned (WARN) rule, or the
 * synthetic {@value #GATE_INCOMPLETE} finding.
 *
 * @param result    FAIL or WARN (GATE-INCOMPLETE uses ERROR)
 * @param outcome   REJECT, RECTIFY or WARN
 * @param retryable true when re-running analysis may change it (GATE-INCOMPLETE)
 */
public record Finding(
        String ruleId,
        LocalizedText title,
        List<Basis> basis,
        Severity severity,
        RuleOutcome result,
        Action outcome,
        LocalizedText message,
        List<Object> evidence,
        LocalizedText fix,
        Integer rectifyDays,
        boolean retryable,
        String note) {

    public static final String GATE_INCOMPLETE = "GATE-INCOMPLETE";

    public Finding {
        basis = basis == null ? List.of() : List.copyOf(basis);
        evidence = evidence == null ? List.of() : java.util.Collections.unmodifiableList(evidence);
    }
}
