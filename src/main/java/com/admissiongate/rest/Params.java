package com.admissiongate.rest;

import com.admissiongate.verdict.Keyset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of operator query and body parameters; every refusal is a 400 with a stable code. */
final class Params {

    static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
    static final Pattern DEVELOPER = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    static final Pattern PACK_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+:-]{0,199}");
    static final Set<String> DECISIONS = Set.of("ACCEPT", "REJECT", "RECTIFY");
    static final int MAX_REASON = 2000;

    private Params() {
    }

    static String packageName(String pkg) {
        if (pkg == null || pkg.length() > 255 || !PACKAGE.matcher(pkg).matches()) {
            throw new ProblemException(400, "INVALID_PACKAGE", "not a valid Android package name");
        }
        return pkg;
    }

    static String optional(String value, Pattern pattern, String code, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            throw new ProblemException(400, code, what);
        }
        return value;
    }

    static String decision(String d, boolean required) {
        if (d == null || d.isEmpty()) {
            if (required) {
                throw new ProblemException(400, "INVALID_DECISION", "decision is required: ACCEPT, REJECT or RECTIFY");
            }
            return null;
        }
        if (!DECISIONS.contains(d)) {
            throw new ProblemException(400, "INVALID_DECISION", "decision must be ACCEPT, REJECT or RECTIFY");
        }
        return d;
    }

    static String ruleId(String id) {
        if (id == null || !RULE_ID.matcher(id).matches()) {
            throw new ProblemException(400, "INVALID_RULE_ID", "ruleId must match [A-Za-z0-9][A-Za-z0-9._-]{0,99}");
        }
        return id;
    }

    static String packVersion(String v) {
        if (v == null || !PACK_VERSION.matcher(v).matches()) {
            throw new ProblemException(400, "INVALID_PACK_VERSION", "not a rule-pack version");
        }
        return v;
    }

    /** A mandatory free-text reason, as recorded in the audit log. */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(400, "REASON_REQUIRED", "a non-blank reason is required");
        }
        if (reason.length() > MAX_REASON) {
            throw new ProblemException(400, "INVALID_REASON", "reason is longer than " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    /** An ISO-8601 instant, or a date meaning its start (UTC). */
    static Instant instant(String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "INVALID_DATE", name + " must be an ISO-8601 date or instant");
        }
    }

    static LocalDate date(String value, String name, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new ProblemException(400, "INVALID_DATE", name + " is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "INVALID_DATE", name + " must be a date YYYY-MM-DD");
        }
    }

    static Boolean bool(String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new ProblemException(400, "INVALID_BOOLEAN", name + " must be true or false");
        }
        return Boolean.valueOf(value);
    }

    static int limit(String value, int def, int max) {
        if (value == null || value.isEmpty()) {
            return def;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal
        }
        throw new ProblemException(400, "INVALID_LIMIT", "limit must be between 1 and " + max);
    }

    static Keyset cursor(String cursor) {
        try {
            return Keyset.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "INVALID_CURSOR", "cursor is not one this API returned");
        }
    }

    static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ProblemException(400, "INVALID_DATE", "from must be before to");
        }
    }
}
