package com.admissiongate.policy;

/**
 * A named CEL expression evaluated before {@code violation}; later expressions read it as
 * {@code variables.<name>} (the ValidatingAdmissionPolicy idea of named, ordered variables).
 */
public record RuleVariable(String name, String expression) {
}
