package com.admissiongate.apk;

/** How much an {@link Issue} matters to a verdict. */
public enum Severity {
    ERROR, WARNING, INFO
}
