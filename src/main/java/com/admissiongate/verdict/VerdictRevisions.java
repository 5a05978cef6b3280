package com.admissiongate.verdict;

import com.admissiongate.publish.DecisionEventFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The only way a stored decision changes after the upload decision (override, re-review, expired rectification).
 * One transaction locks the verdict row, applies the change, appends the revision and writes the decision event to
 * the outbox, so a crash leaves either all of it or none, and two replicas changing the same upload serialise on the
 * row lock instead of publishing two decisions. Callers add their own rows (audit entry, deadline job marker) to the
 * same transaction through {@code alsoInTransaction}.
 */
@ApplicationScoped
public class VerdictRevisions {

    /** The new state of a verdict. {@code findingsJson} is the full findings array as published. */
    public record Change(String decision, LocalDate rectifyBy, String reason, String rulePackVersion,
                         String findingsJson, String overriddenBy, Instant decidedAt) {
    }

    /** Result of {@link #revise}: {@code verdict} is the stored row after the change (or as it was, when unchanged). */
    public record Revised(Verdict verdict, Snapshot before, FindingsDiff diff, boolean changed) {
    }

    /** The parts of a verdict an audit entry records as before/after. */
    public record Snapshot(int revision, String decision, LocalDate rectifyBy, String reason, String rulePackVersion,
                           String overriddenBy, JsonNode findings) {
        static Snapshot of(Verdict v, ObjectMapper mapper) {
            return new Snapshot(v.revision, v.decision, v.rectifyBy, v.reason, v.rulePackVersion, v.overriddenBy,
                    readTree(mapper, v.findings));
        }
    }

    private final ObjectMapper mapper;
    private final DecisionEventFactory events;

    public VerdictRevisions(ObjectMapper mapper, DecisionEventFactory events) {
        this.mapper = mapper;
        this.events = events;
    }

    /**
     * Applies {@code change} to the current verdict of {@code uploadId} in its own transaction.
     * {@code change} sees the locked row and returns the new state, or null to leave it alone (no revision, no event).
     * Emits null when no verdict exists for the upload.
     */
    public Uni<Revised> revise(String uploadId, Function<Verdict, Change> change,
                               BiFunction<Verdict, Revised, Uni<?>> alsoInTransaction) {
        return Panache.withTransaction(() -> reviseInTransaction(uploadId, change, alsoInTransaction));
    }

    /** As {@link #revise}, inside the caller's transaction (batch re-reviews commit many uploads at once). */
    public Uni<Revised> reviseInTransaction(String uploadId, Function<Verdict, Change> change,
                                            BiFunction<Verdict, Revised, Uni<?>> alsoInTransaction) {
        return Verdict.<Verdict>find("uploadId", uploadId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(v -> v == null ? Uni.createFrom().nullItem() : apply(v, change.apply(v), alsoInTransaction));
    }

    private Uni<Revised> apply(Verdict v, Change next, BiFunction<Verdict, Revised, Uni<?>> alsoInTransaction) {
        Snapshot before = Snapshot.of(v, mapper);
        if (next == null) {
            Revised same = new Revised(v, before, FindingsDiff.between(v.decision, before.findings(), v.decision,
                    before.findings()), false);
            return Uni.createFrom().item(same);
        }
        FindingsDiff diff = FindingsDiff.between(v.decision, before.findings(), next.decision(),
                readTree(mapper, next.findingsJson()));
        v.revision = v.revision + 1;
        v.decision = next.decision();
        v.rectifyBy = next.rectifyBy();
        v.reason = next.reason();
        v.rulePackVersion = next.rulePackVersion();
        v.findings = next.findingsJson();
        v.overriddenBy = next.overriddenBy();
        v.decidedAt = next.decidedAt();
        Revised revised = new Revised(v, before, diff, true);
        String changes = write(diff);
        return VerdictRevision.of(v, changes).persist()
                .chain(() -> events.toOutbox(v, diff).persist())
                .chain(() -> alsoInTransaction == null ? Uni.createFrom().voidItem() : alsoInTransaction.apply(v, revised))
                .replaceWith(revised);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings are not JSON", e);
        }
    }
}
