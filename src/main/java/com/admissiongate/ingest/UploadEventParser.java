package com.admissiongate.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses and validates an upload CloudEvent against the contract before anything else looks at it. */
@ApplicationScoped
public class UploadEventParser {

    /** Bound on the raw event: metadata, not binaries, travel through Kafka. */
    static final int MAX_EVENT_BYTES = 1 << 20;

    private final ObjectMapper mapper;
    private final JsonSchema schema;

    public UploadEventParser(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schema = loadSchema("contracts/events/upload-requested.schema.json");
    }

    static JsonSchema loadSchema(String resource) {
        try (InputStream in = UploadEventParser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on classpath: " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + resource, e);
        }
    }

    /**
     * The checks every consumed event passes before its fields are read, in this order: not empty, not over
     * {@code maxChars}, JSON, valid against its contract. Each failure is an {@link InvalidEventException} whose
     * stable prefix (EVENT_EMPTY, EVENT_TOO_LARGE, EVENT_NOT_JSON, EVENT_SCHEMA_INVALID) becomes the DLQ reason.
     */
    static JsonNode readValid(ObjectMapper mapper, JsonSchema schema, String payload, int maxChars) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("EVENT_EMPTY: empty message");
        }
        if (payload.length() > maxChars) {
            throw new InvalidEventException("EVENT_TOO_LARGE: " + payload.length() + " chars, limit " + maxChars);
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidEventException("EVENT_NOT_JSON: " + e.getOriginalMessage());
        }
        Set<ValidationMessage> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            String reasons = errors.stream().map(ValidationMessage::getMessage).sorted().limit(10)
                    .collect(Collectors.joining("; "));
            throw new InvalidEventException("EVENT_SCHEMA_INVALID: " + reasons);
        }
        return root;
    }

    public UploadEvent parse(String payload) {
        JsonNode root = readValid(mapper, schema, payload, MAX_EVENT_BYTES);
        JsonNode data = root.get("data");
        JsonNode obj = data.get("object");
        JsonNode audience = data.path("audience");
        boolean minors = audience.path("minorsTargeted").asBoolean(false)
                || (audience.hasNonNull("minAge") && audience.get("minAge").asInt() < 18);
        return new UploadEvent(
                root.get("id").asText(),
                data.get("uploadId").asText(),
                data.get("package").asText(),
                data.get("versionCode").asLong(),
                new UploadEvent.StoredObject(obj.get("bucket").asText(), obj.get("key").asText(),
                        obj.get("sha256").asText(), obj.get("size").asLong()),
                data.path("developer").path("id").asText(null),
                data.path("appType").asText(null),
                minors,
                data);
    }
}
