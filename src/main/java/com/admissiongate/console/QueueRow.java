package com.admissiongate.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** One queue line: enough to decide which verdict to open, read from the verdict row alone. */
public record QueueRow(long id, String uploadId, String packageName, long versionCode, String appName,
                       String developerId, String appType, boolean minors, String decision, LocalDate rectifyBy,
                       OffsetDateTime decidedAt, String overriddenBy, boolean incomplete, boolean warn,
                       LocalDate today) {

    /** Days to the deadline (negative when overdue), or null without one. */
    public Long daysLeft() {
        return rectifyBy == null ? null : ChronoUnit.DAYS.between(today, rectifyBy);
    }

    public Long daysOverdue() {
        return rectifyBy == null ? null : -daysLeft();
    }

    public boolean overdue() {
        return rectifyBy != null && rectifyBy.isBefore(today);
    }

    public String decided() {
        return decidedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES)
                .toString().replace('T', ' ');
    }

    String cursor() {
        return (rectifyBy == null ? ConsoleQueries.NO_DEADLINE : rectifyBy) + "_" + id;
    }
}
