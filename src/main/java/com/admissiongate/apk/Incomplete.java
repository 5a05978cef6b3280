package com.admissiongate.apk;

/** An area the analyzer could not fully cover, and why (the first blocking issue's code). */
public record Incomplete(String area, String reason) {
}
