package com.admissiongate.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A listed app aimed at minors as the minors' page shows it: the listed binary's current verdict and when it was
 * last re-reviewed, under which pack. {@code lastReviewAt} is the later of the last RE_REVIEW revision (the outcome
 * changed) and {@code verdict.reviewed_at} (re-evaluated, same outcome); null when never re-reviewed.
 */
public record ListedMinor(String packageName, String uploadId, long versionCode, String appName, String developerId,
                          String decision, LocalDate rectifyBy, String decidedPack, OffsetDateTime lastReviewAt,
                          String lastReviewPack, String overriddenBy, LocalDate today) {

    public Long daysLeft() {
        return rectifyBy == null ? null : ChronoUnit.DAYS.between(today, rectifyBy);
    }

    public Long daysOverdue() {
        return rectifyBy == null ? null : -daysLeft();
    }

    public boolean expired() {
        return rectifyBy != null && rectifyBy.isBefore(today);
    }

    public String lastReview() {
        return lastReviewAt == null ? null : RunView.minute(lastReviewAt.toInstant());
    }
}
