package com.admissiongate.policy;

/**
 * Result of one rule on one submission. {@link #ERROR} means the rule could not be evaluated (evaluation
 * error, or an area it needs was not fully analysed); it is never a violation, but it fails the decision
 * closed through the synthetic GATE-INCOMPLETE finding.
 */
public enum RuleOutcome {
    PASS, FAIL, WARN, NOT_APPLICABLE, ERROR
}
