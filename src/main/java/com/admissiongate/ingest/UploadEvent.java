package com.admissiongate.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data of an upload-requested CloudEvent (contracts/events/upload-requested.schema.json).
 * {@code raw} keeps the submission exactly as received, because rules read metadata this record does not model.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadEvent(
        String eventId,
        String uploadId,
        String packageName,
        long versionCode,
        StoredObject object,
        String developerId,
        String appType,
        boolean minorsTargeted,
        JsonNode raw) {

    /** Where the binary is, and what the uploader says it is. */
    public record StoredObject(String bucket, String key, String sha256, long size) {
    }
}
