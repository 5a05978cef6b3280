package com.admissiongate.privacy;

import java.time.Duration;

/**
 * Every bound on reading an untrusted policy document. A document past a bound becomes a {@link PolicyProblem}
 * (never an exception, an OutOfMemoryError or a hang).
 *
 * @param maxBytes      largest document read or fetched (bytes)
 * @param maxChars      extracted text kept; the rest is dropped with TEXT_TRUNCATED
 * @param maxPdfPages   PDF pages read
 * @param maxPdfMemory  memory PDFBox may use for decoded streams (a compression bomb hits this, not the heap)
 * @param maxDomDepth   deepest HTML element nesting accepted
 * @param parseTimeout  wall time for extraction + analysis, checked cooperatively
 */
public record PrivacyLimits(long maxBytes, int maxChars, int maxPdfPages, long maxPdfMemory, int maxDomDepth,
                            Duration parseTimeout) {

    public static PrivacyLimits defaults() {
        return new PrivacyLimits(5L * 1024 * 1024, 2_000_000, 300, 64L * 1024 * 1024, 256, Duration.ofSeconds(5));
    }

    public PrivacyLimits validate() {
        if (maxBytes <= 0 || maxChars <= 0 || maxPdfPages <= 0 || maxPdfMemory <= 0 || maxDomDepth <= 0
                || parseTimeout == null || parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("privacy limits must be positive: " + this);
        }
        return this;
    }
}
