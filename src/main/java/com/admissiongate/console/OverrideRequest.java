package com.admissiongate.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The override form as posted. {@code kind} is {@code decision} (replace the decision), {@code finding} (waive one
 * finding; the decision is recomputed) or {@code deadline} (set the RECTIFY deadline).
 */
public record OverrideRequest(String kind, String decision, String ruleId, String rectifyByText, String reason) {

    public LocalDate rectifyBy() {
        try {
            return rectifyByText == null || rectifyByText.isBlank() ? null : LocalDate.parse(rectifyByText);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A code for the first thing wrong with the form, or null; the service checks the rest against the verdict. */
    public String problem() {
        if (!"decision".equals(kind) && !"finding".equals(kind) && !"deadline".equals(kind)) {
            return "INVALID_KIND";
        }
        if (reason == null || reason.isBlank()) {
            return "REASON_REQUIRED";
        }
        if (reason.length() > 2000) {
            return "REASON_TOO_LONG";
        }
        if ("finding".equals(kind) && (ruleId == null || ruleId.isBlank())) {
            return "FINDING_REQUIRED";
        }
        if (rectifyByText != null && !rectifyByText.isBlank() && rectifyBy() == null) {
            return "INVALID_DATE";
        }
        if ("deadline".equals(kind) && rectifyBy() == null) {
            return "DEADLINE_REQUIRED";
        }
        return null;
    }

    public boolean isDecision() {
        return "decision".equals(kind);
    }

    public boolean isFinding() {
        return "finding".equals(kind);
    }

    public boolean isDeadline() {
        return "deadline".equals(kind);
    }
}
