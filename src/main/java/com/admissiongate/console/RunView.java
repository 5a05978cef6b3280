package com.admissiongate.console;

import com.admissiongate.review.ReReviewProgress;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One re-review run (table re_review_run) as the console shows it. */
public record RunView(UUID id, String trigger, String scope, String requestedBy, String state, String packVersion,
                      int selected, int evaluated, int changed, int unchanged, int reanalysis, int failed, int skipped,
                      boolean done, Instant startedAt, Instant finishedAt, String error) {

    static RunView of(ReReviewProgress p, Page page) {
        return new RunView(p.id(), p.trigger(), describe(p.scope(), page), p.requestedBy(), p.state(), p.packVersion(),
                p.selected(), p.evaluated(), p.changed(), p.unchanged(), p.reanalysis(), p.failed(), p.skipped(),
                p.done(), p.startedAt(), p.finishedAt(), p.error());
    }

    /** Apps the run has dealt with so far: it is complete when this reaches {@link #selected}. */
    public int processed() {
        return evaluated + reanalysis + failed + skipped;
    }

    public int percent() {
        return selected == 0 ? (done ? 100 : 0) : Math.min(100, processed() * 100 / selected);
    }

    public String started() {
        return minute(startedAt);
    }

    public String finished() {
        return finishedAt == null ? null : minute(finishedAt);
    }

    /** The stored scope in words: which apps the run selected. */
    static String describe(JsonNode s, Page page) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (s.path("daily").asBoolean(false)) {
            b.append(page.pick("每日选择（未成年人、旧规则包）", "daily selection (minors, stale pack)"));
        }
        if (s.hasNonNull("previousPack")) {
            append(b, page.pick("旧规则包 ", "decided under ") + s.get("previousPack").asText());
        }
        if (s.hasNonNull("packageName")) {
            append(b, page.pick("应用 ", "package ") + s.get("packageName").asText());
        }
        if (s.hasNonNull("developerId")) {
            append(b, page.pick("开发者 ", "developer ") + s.get("developerId").asText());
        }
        if (s.hasNonNull("appType")) {
            append(b, page.pick("类型 ", "app type ") + s.get("appType").asText());
        }
        if (s.hasNonNull("decision")) {
            append(b, page.pick("结论 ", "decision ") + s.get("decision").asText());
        }
        if (s.hasNonNull("rulePackVersion")) {
            append(b, page.pick("规则包 ", "pack ") + s.get("rulePackVersion").asText());
        }
        if (s.hasNonNull("minorsTargeted")) {
            append(b, s.get("minorsTargeted").asBoolean() ? page.pick("面向未成年人", "aimed at minors")
                    : page.pick("非面向未成年人", "not aimed at minors"));
        }
        return b.length() == 0 ? page.pick("全部上架应用", "all listed apps") : b.toString();
    }

    private static void append(StringBuilder b, String part) {
        b.append(b.length() == 0 ? "" : ", ").append(part);
    }

    static String minute(Instant i) {
        return i.atOffset(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ')
                + " UTC";
    }
}
