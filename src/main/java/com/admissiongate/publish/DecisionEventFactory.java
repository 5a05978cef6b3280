package com.admissiongate.publish;

import com.admissiongate.config.GateConfig;
import com.admissiongate.verdict.FindingsDiff;
import com.admissiongate.verdict.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Builds decision CloudEvents (structured JSON mode, contracts/events/decision.schema.json). */
@ApplicationScoped
public class DecisionEventFactory {

    public static final String TYPE = "com.admissiongate.decision.v1";
    public static final String TOPIC = "store.decisions";

    private final ObjectMapper mapper;
    private final GateConfig config;

    public DecisionEventFactory(ObjectMapper mapper, GateConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * The decision event of the verdict's current revision. {@code changes} (null for the upload decision) tells
     * consumers what a later revision changed; {@code revision} makes uploadId + revision a natural dedup key.
     */
    public OutboxEvent toOutbox(Verdict verdict, FindingsDiff changes) {
        return toOutbox(verdict, changes, null);
    }

    /** As above, with the verdict's findings already parsed ({@code findings}; null: parse {@code verdict.findings}). */
    public OutboxEvent toOutbox(Verdict verdict, FindingsDiff changes, com.fasterxml.jackson.databind.JsonNode findings) {
        UUID id = UUID.randomUUID();
        ObjectNode ce = mapper.createObjectNode();
        ce.put("specversion", "1.0").put("id", id.toString()).put("source", config.pipeline().eventSource())
                .put("type", TYPE).put("time", verdict.decidedAt.toString()).put("subject", verdict.uploadId)
                .put("datacontenttype", "application/json");
        ObjectNode data = ce.putObject("data");
        data.put("uploadId", verdict.uploadId).put("package", verdict.packageName)
                .put("versionCode", verdict.versionCode).put("sha256", verdict.sha256)
                .put("decision", verdict.decision)
                .put("rectifyBy", verdict.rectifyBy == null ? null : verdict.rectifyBy.toString())
                .put("reason", verdict.reason).put("retryable", verdict.retryable)
                .put("rulePackVersion", verdict.rulePackVersion).put("analyzerVersion", verdict.analyzerVersion)
                .put("overriddenBy", verdict.overriddenBy)
                .put("revision", verdict.revision);
        if (changes != null) {
            data.set("changes", mapper.valueToTree(changes));
        }
        if ("RECTIFY_EXPIRED".equals(verdict.reason)) {
            // the deadline passed unfixed: the store must take the listed version down, not only record a REJECT
            data.put("instruction", "DELIST");
        }
        try {
            data.set("findings", findings != null ? findings : mapper.readTree(verdict.findings));
            data.put("decidedAt", verdict.decidedAt.toString());
            OutboxEvent row = new OutboxEvent();
            row.eventId = id;
            row.topic = TOPIC;
            row.msgKey = verdict.packageName;
            row.payload = mapper.writeValueAsString(ce);
            row.createdAt = verdict.decidedAt;
            return row;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings of " + verdict.uploadId + " are not JSON", e);
        }
    }
}
