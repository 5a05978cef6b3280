package com.admissiongate.policy;

/** Escalation or de-escalation of a violated rule: the first {@code when} that is true sets the outcome. */
public record OutcomeWhen(String when, Action outcome) {
}
