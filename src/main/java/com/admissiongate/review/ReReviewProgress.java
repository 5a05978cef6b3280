package com.admissiongate.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Progress of one re-review run as stored in re_review_run (visible to every replica).
 * {@code selected} is known when the run starts; {@code evaluated + reanalysis + failed + skipped} reaches it when
 * the run is done. {@code reanalysis}: stored Facts come from an older analyzer, marked for re-analysis instead.
 * {@code skipped}: the verdict changed (override, expiry) between read and write; the next run sees it again.
 */
public record ReReviewProgress(UUID id, String trigger, JsonNode scope, String requestedBy, String state,
                               String packVersion, int selected, int evaluated, int changed, int unchanged,
                               int reanalysis, int failed, int skipped, boolean done, Instant startedAt,
                               Instant finishedAt, String error) {
}
