package com.admissiongate.analysis;

import com.admissiongate.ingest.UploadEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * Everything an assessor may look at: the verified binary, the submission and the package's history
 * ({@code history} has the shape the rule pack's `history` variable documents).
 */
public record AssessmentInput(Path apk, String sha256, long size, UploadEvent event, JsonNode history) {
}
