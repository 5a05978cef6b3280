package com.admissiongate.verdict;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.ingest.UploadEvent;
import com.admissiongate.publish.DecisionEventFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Stores a verdict, its facts and its decision event in one transaction. */
@ApplicationScoped
public class VerdictService {

    private final ObjectMapper mapper;
    private final DecisionEventFactory events;

    public VerdictService(ObjectMapper mapper, DecisionEventFactory events) {
        this.mapper = mapper;
        this.events = events;
    }

    public Uni<Verdict> findByUploadId(String uploadId) {
        return Panache.withSession(() -> Verdict.<Verdict>find("uploadId", uploadId).firstResult());
    }

    /**
     * Persists the verdict, the facts (once per sha256 + analyzer version, the upload's own privacy policy beside
     * them when it differs: FactsStore) and the outbox row atomically.
     * A second delivery of the same upload fails on the unique upload_id and changes nothing.
     */
    public Uni<Verdict> record(UploadEvent event, Assessment assessment, Instant decidedAt) {
        Verdict v = new Verdict();
        v.uploadId = event.uploadId();
        v.packageName = event.packageName();
        v.versionCode = event.versionCode();
        v.sha256 = event.object().sha256();
        v.developerId = event.developerId();
        v.appType = event.appType();
        v.minorsTargeted = event.minorsTargeted();
        v.decision = assessment.decision().name();
        v.rectifyBy = assessment.rectifyBy();
        v.retryable = assessment.retryable();
        v.reason = "UPLOAD";
        v.rulePackVersion = assessment.rulePackVersion();
        v.analyzerVersion = assessment.analyzerVersion();
        v.signerSha256 = assessment.signerSha256();
        v.decidedAt = decidedAt;
        try {
            v.findings = mapper.writeValueAsString(assessment.findings());
            v.submission = mapper.writeValueAsString(event.raw());
            String facts = assessment.facts() == null ? null : mapper.writeValueAsString(assessment.facts());
            return Panache.withTransaction(() -> v.<Verdict>persist()
                    .call(() -> facts == null ? Uni.createFrom().voidItem() : Panache.getSession()
                            .chain(s -> FactsStore.store(s, v.uploadId, v.sha256, v.analyzerVersion, facts,
                                    FactsStore.policySection(mapper, assessment.facts()))))
                    .call(() -> VerdictRevision.of(v, null).persist())
                    .call(() -> recordPolicy(v, assessment.facts()))
                    .call(() -> events.toOutbox(v, null).persist()));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The sha256 of the policy read for this upload (status parsed), else null. */
    public static String parsedPolicySha256(com.fasterxml.jackson.databind.JsonNode facts) {
        if (facts == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode p = facts.path("privacyPolicy");
        return "parsed".equals(p.path("status").asText()) && p.path("sha256").isTextual() ? p.path("sha256").asText() : null;
    }

    /** One policy_upload row per upload that named a readable policy: MP-1 compares policies across developers. */
    private static Uni<Void> recordPolicy(Verdict v, com.fasterxml.jackson.databind.JsonNode facts) {
        String sha = parsedPolicySha256(facts);
        if (sha == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into policy_upload (upload_id, developer_id, "
                        + "package_name, policy_sha256, recorded_at) values (:up, :dev, :pkg, :sha, :at) on conflict do nothing")
                .setParameter("up", v.uploadId).setParameter("dev", v.developerId).setParameter("pkg", v.packageName)
                .setParameter("sha", sha).setParameter("at", v.decidedAt).executeUpdate()).replaceWithVoid();
    }

    /** True when {@code e} (or a cause) is Postgres' unique-violation: a concurrent duplicate of the same upload. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
