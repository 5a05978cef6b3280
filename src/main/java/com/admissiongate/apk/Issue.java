package com.admissiongate.apk;

/**
 * One finding about the input: a stable machine-readable {@code code} (an {@link IssueCode}
 * name), its severity, a message quoting the real numbers, and where it was found (entry name,
 * entry name plus offset, or {@code null} for the whole archive).
 */
public record Issue(String code, Severity severity, String message, String location) {

    public static Issue of(IssueCode code, String location, Object... args) {
        return new Issue(code.name(), code.severity(), code.format(args), location);
    }
}
