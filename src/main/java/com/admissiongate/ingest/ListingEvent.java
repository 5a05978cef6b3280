package com.admissiongate.ingest;

import java.time.Instant;

/** A validated store.listings event (contracts/events/listing.schema.json). */
public record ListingEvent(String id, String packageName, long versionCode, String sha256, String state, Instant at) {
}
