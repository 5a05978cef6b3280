package com.admissiongate.policy;

/** Text given in Simplified Chinese (what the regulator and most developers read) and English. */
public record LocalizedText(String zh, String en) {
}
