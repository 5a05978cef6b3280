package com.admissiongate.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;

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
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("EVENT_EMPTY: empty message");
        }
        if (payload.length() > MAX_EVENT_BYTES) {
            throw new InvalidEventException("EVENT_TOO_LARGE: " + payload.length() + " chars, limit " + MAX_EVENT_BYTES);
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidEventException("EVENT_NOT_JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidEventException("EVENT_NOT_JSON: " + e.getMessage());
        }
        Set<ValidationMessage> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            String reasons = errors.stream().map(ValidationMessage::getMessage).sorted().limit(10)
                    .collect(Collectors.joining("; "));
            throw new InvalidEventException("EVENT_SCHEMA_INVALID: " + reasons);
        }
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
