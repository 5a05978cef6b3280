package com.admissiongate.policy;

/** Legal or practice basis of a rule: the instrument (e.g. "MIIT 337") and, where known, the clause. */
public record Basis(String instrument, String clause) {
}
