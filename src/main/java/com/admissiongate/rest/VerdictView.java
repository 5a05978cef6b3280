package com.admissiongate.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/** API model of a verdict (contracts/openapi.yaml `Verdict`); kept apart from the entity on purpose. */
public record VerdictView(
        String uploadId,
        String packageName,
        long versionCode,
        String sha256,
        String developerId,
        String appType,
        boolean minorsTargeted,
        String decision,
        LocalDate rectifyBy,
        boolean retryable,
        String reason,
        String rulePackVersion,
        String analyzerVersion,
        String signerSha256,
        JsonNode findings,
        Instant decidedAt,
        int revision,
        String overriddenBy) {
}
