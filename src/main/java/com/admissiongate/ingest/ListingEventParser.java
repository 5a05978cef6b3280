package com.admissiongate.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses and validates a listing CloudEvent against the contract; anything else is an {@link InvalidEventException}. */
@ApplicationScoped
public class ListingEventParser {

    /** Listing events are a few hundred bytes; anything near this is not one. */
    static final int MAX_EVENT_BYTES = 64 * 1024;

    private final ObjectMapper mapper;
    private final JsonSchema schema;

    public ListingEventParser(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schema = UploadEventParser.loadSchema("contracts/events/listing.schema.json");
    }

    public ListingEvent parse(String payload) {
        JsonNode root = UploadEventParser.readValid(mapper, schema, payload, MAX_EVENT_BYTES);
        JsonNode data = root.get("data");
        Instant at;
        try {
            at = Instant.parse(data.get("at").asText());
        } catch (DateTimeParseException e) {
            // the schema's date-time format accepts offsets Instant.parse may not; refuse rather than guess
            at = parseOffset(data.get("at").asText());
        }
        return new ListingEvent(root.get("id").asText(), data.get("package").asText(), data.get("versionCode").asLong(),
                data.get("sha256").asText(), data.get("state").asText(), at);
    }

    private static Instant parseOffset(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("EVENT_SCHEMA_INVALID: data.at is not an RFC 3339 date-time");
        }
    }
}
