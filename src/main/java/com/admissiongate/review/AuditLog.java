package com.admissiongate.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Appends audit entries. Call it inside the transaction of the change it records (e.g. from
 * {@code VerdictRevisions.revise(..., alsoInTransaction)}), so an override without its audit entry cannot exist.
 */
@ApplicationScoped
public class AuditLog {

    private final ObjectMapper mapper;

    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code before}/{@code after} are any Jackson-serialisable values (records, maps, JsonNode) or null. */
    public Uni<AuditEntry> append(String actor, AuditAction action, String target, String reason,
                                  Object before, Object after, Instant at) {
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("an audit entry needs an actor and a reason"));
        }
        AuditEntry e = new AuditEntry();
        e.at = at;
        e.actor = actor;
        e.action = action.name();
        e.target = target;
        e.reason = reason;
        try {
            e.before = before == null ? null : mapper.writeValueAsString(before);
            e.after = after == null ? null : mapper.writeValueAsString(after);
        } catch (JsonProcessingException ex) {
            return Uni.createFrom().failure(ex);
        }
        return e.persist();
    }
}
