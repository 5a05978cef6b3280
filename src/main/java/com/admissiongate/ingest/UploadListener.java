package com.admissiongate.ingest;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.AssessmentInput;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.Finding;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.artifact.ArtifactException;
import com.admissiongate.artifact.ArtifactStore;
import com.admissiongate.artifact.FetchedArtifact;
import com.admissiongate.config.GateConfig;
import com.admissiongate.publish.OutboxRelay;
import com.admissiongate.verdict.FactsStore;
import com.admissiongate.verdict.HistoryService;
import com.admissiongate.verdict.Verdict;
import com.admissiongate.verdict.VerdictService;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Consumes store.uploads: validate → fetch (size + digest) → assess → persist verdict + outbox in one transaction.
 * Schema-invalid events are nacked at once and land in store.uploads.dlq with the reason; transient failures
 * (S3, Postgres) are retried with backoff and go to the DLQ only after {@code gate.pipeline.max-attempts}.
 * The offset is committed only after the verdict transaction, so a crash re-delivers, and the unique upload id
 * turns the re-delivery into a no-op.
 */
@ApplicationScoped
public class UploadListener {

    public static final String CHANNEL = "uploads";
    private static final Logger LOG = Logger.getLogger(UploadListener.class);

    private final UploadEventParser parser;
    private final ArtifactStore store;
    private final Assessor assessor;
    private final VerdictService verdicts;
    private final HistoryService history;
    private final OutboxRelay relay;
    private final GateMetrics metrics;
    private final GateConfig config;
    private final Vertx vertx;
    private final FactsStore facts;

    public UploadListener(UploadEventParser parser, ArtifactStore store, Assessor assessor, VerdictService verdicts,
                          HistoryService history, OutboxRelay relay, GateMetrics metrics, GateConfig config, Vertx vertx,
                          FactsStore facts) {
        this.parser = parser;
        this.store = store;
        this.assessor = assessor;
        this.verdicts = verdicts;
        this.history = history;
        this.relay = relay;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
        this.facts = facts;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> onUpload(String payload) {
        long start = System.nanoTime();
        metrics.consumed();
        UploadEvent event;
        try {
            event = parser.parse(payload);
        } catch (InvalidEventException e) {
            metrics.deadLettered();
            LOG.warnf("upload event rejected to DLQ: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        GateConfig.Pipeline p = config.pipeline();
        return process(event, start)
                .onFailure(e -> !(e instanceof InvalidEventException)).retry()
                .withBackOff(p.initialBackoff(), p.maxBackoff()).atMost(Math.max(0, p.maxAttempts() - 1))
                .onFailure().invoke(e -> {
                    metrics.deadLettered();
                    LOG.errorf("upload %s failed after %d attempts, to DLQ: %s", event.uploadId(), p.maxAttempts(), e.toString());
                });
    }

    private Uni<Void> process(UploadEvent event, long start) {
        return verdicts.findByUploadId(event.uploadId()).chain(existing -> {
            if (existing != null) {
                metrics.duplicate();
                LOG.debugf("upload %s already decided (%s); redelivery ignored", event.uploadId(), existing.decision);
                return Uni.createFrom().voidItem();
            }
            return history.forPackage(event.packageName())
                    .chain(h -> stored(event)
                            .chain(prior -> vertx.executeBlocking(Uni.createFrom().item(() -> assess(event, h, prior))))
                            .chain(a -> withPolicyShares(event, h, a)))
                    .chain(a -> verdicts.record(event, a, Instant.now()))
                    .onItem().ifNotNull().invoke(v -> metrics.decided(v.decision, start))
                    .onFailure(VerdictService::isDuplicateKey).recoverWithItem((Verdict) null)
                    .call(() -> relay.relayOnce())
                    .replaceWithVoid();
        });
    }

    /**
     * MP-1 "same policy as another developer's": the policy's hash is known only once it has been read (inside the
     * assessment), so the history gains policySharedWithOtherDevelopers afterwards and, when other developers did
     * upload the same policy, the stored Facts are judged again with it (an evaluation, no second analysis).
     */
    private Uni<Assessment> withPolicyShares(UploadEvent event, JsonNode h, Assessment a) {
        String sha = VerdictService.parsedPolicySha256(a.facts());
        if (sha == null || event.developerId() == null || !(assessor instanceof PolicyAssessor pa)) {
            return Uni.createFrom().item(a);
        }
        return history.withPolicyShares(h.deepCopy(), sha, event.developerId()).chain(shared ->
                shared.path("policySharedWithOtherDevelopers").path("count").asInt() == 0 ? Uni.createFrom().item(a)
                        : vertx.executeBlocking(Uni.createFrom().item(() -> pa.evaluate(a.facts(), event.raw(), shared))));
    }

    /**
     * The stored Facts (JSON text) of the bytes the event declares (an earlier upload of the same binary under this analyzer
     * version), or null: nothing stored, reuse switched off ({@code gate.pipeline.reuse-facts}), or an assessor that
     * cannot judge stored Facts.
     */
    private Uni<String> stored(UploadEvent event) {
        if (!config.pipeline().reuseFacts() || !(assessor instanceof PolicyAssessor pa)) {
            return Uni.createFrom().nullItem();
        }
        return facts.shared(event.object().sha256().toLowerCase(java.util.Locale.ROOT), pa.assembler().analyzerVersion());
    }

    /**
     * Runs on a worker thread: download and analysis are blocking and CPU-bound. The binary is always downloaded and
     * its size and SHA-256 checked against the event; only then may {@code prior}, the stored Facts of those bytes,
     * stand in for the analysis ("analyse once": a re-upload of the same APK, e.g. with a corrected privacy policy,
     * costs an evaluation). {@link PolicyAssessor#reuse} says when it may not.
     */
    private Assessment assess(UploadEvent event, JsonNode historyDoc, String prior) {
        UploadEvent.StoredObject obj = event.object();
        try (FetchedArtifact artifact = store.fetch(obj.bucket(), obj.key(), obj.size(), obj.sha256())) {
            if (prior != null && assessor instanceof PolicyAssessor pa) {
                com.fasterxml.jackson.databind.node.ObjectNode reused = pa.reuse(prior, artifact.sha256(), obj.bucket(), event.raw());
                metrics.factsLookup(reused != null);
                if (reused != null) {
                    return pa.evaluate(reused, event.raw(), historyDoc);
                }
            }
            return assessor.assess(new AssessmentInput(artifact.path(), artifact.sha256(), artifact.size(), event, historyDoc));
        } catch (ArtifactException e) {
            if (!e.permanent()) {
                throw e;
            }
            return new Assessment(Assessment.Decision.REJECT, null, false, "gate-artifact-checks@1", "none",
                    List.of(Finding.gate("GATE-ARTIFACT-" + e.code().name(), "REJECT", "critical",
                            "上传的文件与提交信息不符或无法获取：" + e.getMessage(),
                            "the uploaded binary does not match the submission or cannot be read: " + e.getMessage(),
                            List.of(obj.bucket() + "/" + obj.key()),
                            "重新上传文件，并确保事件中的大小与 SHA-256 与文件一致。",
                            "Upload the file again and make sure the event's size and SHA-256 match it.")),
                    null, null);
        }
    }
}
