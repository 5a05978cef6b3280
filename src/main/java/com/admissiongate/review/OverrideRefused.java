package com.admissiongate.review;

/**
 * A human change the current verdict does not allow (unknown finding, deadline on a non-RECTIFY decision, deadline
 * in the past). {@code code} is stable: REST maps it to problem+json and the console shows it to the reviewer.
 */
public class OverrideRefused extends RuntimeException {

    private final String code;

    public OverrideRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
