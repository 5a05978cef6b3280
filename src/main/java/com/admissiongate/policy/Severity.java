package com.admissiongate.policy;

/** Rule severity, same ladder as kyverno policy reports and SARIF levels map onto. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO
}
