package com.admissiongate.privacy;

/**
 * Why a policy was not (fully) read. {@code code} is stable (rules and reviewers key on it); {@code fatal} problems
 * leave the policy unavailable, the others only degrade it (e.g. TEXT_TRUNCATED).
 */
public record PolicyProblem(String code, String message, boolean fatal) {

    /** Stable codes. */
    public enum Code {
        TOO_LARGE, TOO_DEEP, TOO_MANY_PAGES, TIMEOUT, MALFORMED, UNSUPPORTED_FORMAT, EMPTY, TEXT_TRUNCATED,
        URL_INVALID, URL_NOT_HTTPS, HOST_NOT_ALLOWED, ADDRESS_NOT_ALLOWED, DNS_FAILED, REDIRECT_REFUSED,
        HTTP_STATUS, FETCH_FAILED, OBJECT_NOT_FOUND, BUCKET_NOT_ALLOWED, NO_SOURCE
    }

    public static PolicyProblem fatal(Code code, String message) {
        return new PolicyProblem(code.name(), message, true);
    }

    public static PolicyProblem warning(Code code, String message) {
        return new PolicyProblem(code.name(), message, false);
    }
}
