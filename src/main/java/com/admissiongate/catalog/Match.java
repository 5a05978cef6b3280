package com.admissiongate.catalog;

/**
 * One piece of detection evidence: {@code kind} is class-prefix, class-segment, component, native-lib or
 * asset for SDKs, and entry, entry-prefix, file-name, native-lib or class-prefix for packers;
 * {@code value} is the fingerprint (SDKs) or the matched APK item (packers).
 */
public record Match(String kind, String value) {
}
