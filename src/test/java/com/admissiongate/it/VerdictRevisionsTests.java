package com.admissiongate.it;

import com.admissiongate.review.AuditAction;
import com.admissiongate.review.AuditEntry;
import com.admissiongate.review.AuditLog;
import com.admissiongate.verdict.Verdict;
import com.admissiongate.verdict.VerdictRevision;
import com.admissiongate.verdict.VerdictRevisions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stored decision changes only through VerdictRevisions: one transaction appends the revision, publishes the new
 * decision through the outbox and takes the caller's audit entry; the audit log and the revisions are append-only
 * in the database itself. Real Postgres and Kafka from ./gate test.
 */
@QuarkusTest
@io.quarkus.test.common.WithTestResource(JwtTestKeys.class)
class VerdictRevisionsTests extends StackTest {

    @Inject
    VerdictRevisions revisions;

    @Inject
    AuditLog audit;

    String decidedUpload(String pkg) throws Exception {
        byte[] apk = PipelineTests.cleanSignedApk(pkg);
        String id = "rev-" + UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        stack.publish("store.uploads", pkg, stack.uploadEvent(id, pkg, key, apk).toString());
        stack.awaitDecision(id, Duration.ofSeconds(45));
        return id;
    }

    static String withExtraFinding(String findingsJson, String ruleId) throws Exception {
        ArrayNode findings = (ArrayNode) StackClient.JSON.readTree(findingsJson);
        ObjectNode f = findings.addObject();
        f.put("ruleId", ruleId).put("outcome", "REJECT").put("severity", "high");
        f.putObject("message").put("zh", "人工复核驳回").put("en", "Rejected on manual review");
        return findings.toString();
    }

    List<JsonNode> decisions(String uploadId, int count) throws Exception {
        List<ConsumerRecord<String, String>> recs = stack.read("store.decisions",
                r -> r.value().contains("\"uploadId\":\"" + uploadId + "\""), count, Duration.ofSeconds(30));
        return recs.stream().map(r -> {
            try {
                return StackClient.JSON.readTree(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void overrideAppendsARevision_publishesTheNewDecisionWithItsDiff_andStoresTheAuditEntryInTheSameTransaction()
            throws Throwable {
        String id = decidedUpload("com.example.revised");

        VerdictRevisions.Revised r = VertxContextSupport.subscribeAndAwait(() -> revisions.revise(id,
                v -> new VerdictRevisions.Change("REJECT", null, "OVERRIDE", v.rulePackVersion,
                        uncheckedExtra(v.findings, "OVR-TEST"), "reviewer-7", Instant.now()),
                (v, rev) -> audit.append("reviewer-7", AuditAction.OVERRIDE_DECISION, "upload:" + id,
                        "binary matches a known malware family", rev.before(), v.decision, Instant.now())));

        assertThat(r.changed()).isTrue();
        assertThat(r.verdict().revision).isEqualTo(2);
        assertThat(r.diff().added()).containsExactly("OVR-TEST");
        List<JsonNode> events = decisions(id, 2);
        assertThat(events).hasSize(2);
        JsonNode second = events.get(1).get("data");
        assertThat(PipelineTests.decisionSchema().validate(events.get(1))).isEmpty();
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("reason").asText()).isEqualTo("OVERRIDE");
        assertThat(second.get("overriddenBy").asText()).isEqualTo("reviewer-7");
        assertThat(second.get("decision").asText()).isEqualTo("REJECT");
        assertThat(second.at("/changes/previousDecision").asText()).isEqualTo(events.get(0).at("/data/decision").asText());
        assertThat(second.at("/changes/added/0").asText()).isEqualTo("OVR-TEST");
        List<VerdictRevision> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                VerdictRevision.<VerdictRevision>find("uploadId = ?1 order by revision", id).list()));
        assertThat(stored).extracting(v -> v.revision).containsExactly(1, 2);
        assertThat(stored.get(1).overriddenBy).isEqualTo("reviewer-7");
        List<AuditEntry> entries = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                AuditEntry.<AuditEntry>find("target", "upload:" + id).list()));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("OVERRIDE_DECISION");
            assertThat(e.reason).isEqualTo("binary matches a known malware family");
            assertThat(json(e.before).get("revision").asInt()).isEqualTo(1);
            assertThat(json(e.before).get("decision").asText()).isEqualTo(events.get(0).at("/data/decision").asText());
            assertThat(json(e.after).asText()).isEqualTo("REJECT");
        });
    }

    @Test
    void aChangeThatReturnsNullLeavesNoRevisionAndPublishesNothing() throws Throwable {
        String id = decidedUpload("com.example.unchanged");

        VerdictRevisions.Revised r = VertxContextSupport.subscribeAndAwait(() -> revisions.revise(id, v -> null, null));

        assertThat(r.changed()).isFalse();
        Verdict v = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                Verdict.<Verdict>find("uploadId", id).firstResult()));
        assertThat(v.revision).isEqualTo(1);
        assertThat(decisions(id, 2)).hasSize(1);
    }

    @Test
    void concurrentRevisionsOfOneUploadSerialiseOnTheRowLock() throws Throwable {
        String id = decidedUpload("com.example.concurrent");

        // two callers on their own threads and contexts, as two replicas or two reviewers would be
        List<java.util.concurrent.CompletableFuture<VerdictRevisions.Revised>> both = List.of(1, 2).stream()
                .map(n -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> revisions.revise(id,
                                v -> new VerdictRevisions.Change("RECTIFY", null, "RE_REVIEW", v.rulePackVersion,
                                        v.findings, null, Instant.now()), null));
                    } catch (Throwable e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                })).toList();
        assertThat(both.stream().map(java.util.concurrent.CompletableFuture::join).map(r -> r.verdict().revision))
                .containsExactlyInAnyOrder(2, 3);

        List<VerdictRevision> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                VerdictRevision.<VerdictRevision>find("uploadId = ?1 order by revision", id).list()));
        assertThat(stored).extracting(v -> v.revision).containsExactly(1, 2, 3);
    }

    @Test
    void unknownUploadYieldsNull() throws Throwable {
        VerdictRevisions.Revised r = VertxContextSupport.subscribeAndAwait(() -> revisions.revise("no-such-upload",
                v -> { throw new AssertionError("no verdict to change"); }, null));

        assertThat(r).isNull();
    }

    @Test
    void theDatabaseRefusesToRewriteTheAuditLogOrTheRevisions() throws Throwable {
        String id = decidedUpload("com.example.appendonly");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> audit.append("admin-1",
                AuditAction.PACK_ACTIVATION, "pack:test", "test entry", null, null, Instant.now())));

        for (String sql : List.of("update audit_log set reason = 'rewritten'", "delete from audit_log",
                "truncate audit_log", "update verdict_revision set decision = 'ACCEPT' where upload_id = '" + id + "'")) {
            assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    Panache.getSession().chain(s -> s.createNativeQuery(sql).executeUpdate()))))
                    .as(sql).hasStackTraceContaining("append-only");
        }
    }

    private static JsonNode json(String text) {
        try {
            return StackClient.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String uncheckedExtra(String findings, String ruleId) {
        try {
            return withExtraFinding(findings, ruleId);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
