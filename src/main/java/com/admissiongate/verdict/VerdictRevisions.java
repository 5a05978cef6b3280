package com.admissiongate.verdict;

import com.admissiongate.publish.DecisionEventFactory;
import com.admissiongate.publish.OutboxEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        take(v, next);
        Revised revised = new Revised(v, before, diff, true);
        String changes = write(diff);
        return VerdictRevision.of(v, changes).persist()
                .chain(() -> events.toOutbox(v, diff).persist())
                .chain(() -> alsoInTransaction == null ? Uni.createFrom().voidItem() : alsoInTransaction.apply(v, revised))
                .replaceWith(revised);
    }

    /**
     * A re-review's change of one upload, applied only while the verdict is still at {@code expectedRevision}.
     * {@code diff} (against that revision) and {@code findings} (the parsed {@code change.findingsJson()}) were worked
     * out on the worker thread that evaluated it, so the event loop does not parse the findings again.
     */
    public record Expected(String uploadId, int expectedRevision, Change change, FindingsDiff diff, JsonNode findings) {
    }

    /**
     * Applies many re-review changes in the caller's SQL transaction {@code tx} with a few pipelined statements instead
     * of an entity round trip per upload (the same rows as {@link #reviseInTransaction}: the verdict updated, a
     * revision appended, the decision event in the outbox). The rows are locked first ({@code for update}, in
     * upload-id order so two runs cannot deadlock); an upload whose verdict moved on since it was read (another
     * revision, an override) is skipped and left to the next run, as {@code reviseInTransaction} does. Emits how many
     * were applied.
     */
    public Uni<Integer> reviseAll(io.vertx.mutiny.sqlclient.SqlConnection tx, List<Expected> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        java.util.Map<String, Expected> byId = new java.util.HashMap<>();
        for (Expected e : changes) {
            byId.put(e.uploadId(), e);
        }
        return tx.preparedQuery("select upload_id, revision, package_name, version_code, sha256, retryable, "
                        + "analyzer_version from verdict where upload_id = any($1) order by upload_id for update")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(byId.keySet().toArray(String[]::new)))
                .chain(rows -> {
                    List<io.vertx.mutiny.sqlclient.Tuple> updates = new java.util.ArrayList<>();
                    List<io.vertx.mutiny.sqlclient.Tuple> revisions = new java.util.ArrayList<>();
                    List<io.vertx.mutiny.sqlclient.Tuple> outbox = new java.util.ArrayList<>();
                    for (io.vertx.mutiny.sqlclient.Row r : rows) {
                        Expected e = byId.get(r.getString("upload_id"));
                        if (e == null || r.getInteger("revision") != e.expectedRevision()) {
                            continue;
                        }
                        Change next = e.change();
                        Verdict v = new Verdict(); // not managed: carries the new state to the event factory
                        v.uploadId = e.uploadId();
                        v.packageName = r.getString("package_name");
                        v.versionCode = r.getLong("version_code");
                        v.sha256 = r.getString("sha256");
                        v.retryable = r.getBoolean("retryable");
                        v.analyzerVersion = r.getString("analyzer_version");
                        v.revision = e.expectedRevision() + 1;
                        take(v, next);
                        // the row is at the revision the diff was taken against (checked above)
                        FindingsDiff diff = e.diff();
                        String changesJson = write(diff);
                        java.time.OffsetDateTime at = v.decidedAt.atOffset(java.time.ZoneOffset.UTC);
                        updates.add(io.vertx.mutiny.sqlclient.Tuple.tuple().addString(v.uploadId).addInteger(v.revision)
                                .addString(v.decision).addLocalDate(v.rectifyBy).addString(v.reason)
                                .addString(v.rulePackVersion).addString(v.findings).addString(v.overriddenBy)
                                .addOffsetDateTime(at));
                        revisions.add(io.vertx.mutiny.sqlclient.Tuple.tuple().addString(v.uploadId).addInteger(v.revision)
                                .addString(v.decision).addLocalDate(v.rectifyBy).addString(v.reason)
                                .addString(v.rulePackVersion).addString(v.findings).addString(changesJson)
                                .addString(v.overriddenBy).addOffsetDateTime(at));
                        OutboxEvent event = events.toOutbox(v, diff, e.findings());
                        outbox.add(io.vertx.mutiny.sqlclient.Tuple.tuple().addUUID(event.eventId).addString(event.topic)
                                .addString(event.msgKey).addString(event.payload)
                                .addOffsetDateTime(event.createdAt.atOffset(java.time.ZoneOffset.UTC)));
                    }
                    if (updates.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // ($n::text)::jsonb: a String bound straight to a jsonb parameter would be stored as a JSON string
                    return tx.preparedQuery("update verdict set revision = $2, decision = $3, rectify_by = $4, reason = $5,"
                                    + " rule_pack_version = $6, findings = ($7::text)::jsonb, overridden_by = $8,"
                                    + " decided_at = $9 where upload_id = $1")
                            .executeBatch(updates)
                            .chain(() -> tx.preparedQuery("insert into verdict_revision (upload_id, revision, decision,"
                                            + " rectify_by, reason, rule_pack_version, findings, changes, overridden_by,"
                                            + " decided_at) values ($1, $2, $3, $4, $5, $6, ($7::text)::jsonb,"
                                            + " ($8::text)::jsonb, $9, $10)")
                                    .executeBatch(revisions))
                            .chain(() -> tx.preparedQuery("insert into outbox (event_id, topic, msg_key, payload, created_at,"
                                            + " attempts) values ($1, $2, $3, $4, $5, 0)")
                                    .executeBatch(outbox))
                            .replaceWith(updates.size());
                });
    }

    /** The new state of {@code next} on {@code v} (not its revision number). */
    private static void take(Verdict v, Change next) {
        v.decision = next.decision();
        v.rectifyBy = next.rectifyBy();
        v.reason = next.reason();
        v.rulePackVersion = next.rulePackVersion();
        v.findings = next.findingsJson();
        v.overriddenBy = next.overriddenBy();
        v.decidedAt = next.decidedAt();
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
