package com.admissiongate.verdict;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.artifact.ArtifactStore;
import com.admissiongate.artifact.FetchedArtifact;
import com.admissiongate.review.AuditAction;
import com.admissiongate.review.AuditLog;
import com.admissiongate.review.WaiverCarryOver;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-scan of one upload on an operator's request. {@code RE_EVALUATE} judges the stored Facts under the pack active
 * now; {@code RE_ANALYZE} fetches the APK from S3 again (size and digest checked as at upload), re-analyses it with
 * the current analyzer, stores the new Facts and judges those. A changed outcome (decision, deadline, or the set of
 * rules that fired) becomes a revision with reason RESCAN through {@link VerdictRevisions}; every re-scan, changed or
 * not, leaves an audit entry RESCAN in the same transaction.
 */
@ApplicationScoped
public class Rescans {

    public enum Mode { RE_EVALUATE, RE_ANALYZE }

    /** What a re-scan found; {@code revision} is the verdict's revision after it. */
    public record Result(String uploadId, Mode mode, boolean changed, int revision, String previousDecision,
                         String decision, String rulePackVersion, String analyzerVersion, List<String> added,
                         List<String> resolved) {
    }

    /** The upload has no stored Facts (it was never analysed, e.g. its binary did not match the event). */
    public static class NoFacts extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NoFacts(String message) {
            super(message);
        }
    }

    private final PolicyAssessor assessor;
    private final FactsStore facts;
    private final HistoryService history;
    private final ArtifactStore artifacts;
    private final VerdictRevisions revisions;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Clock clock;

    public Rescans(Assessor assessor, FactsStore facts, HistoryService history, ArtifactStore artifacts,
                   VerdictRevisions revisions, AuditLog audit, ObjectMapper mapper, Vertx vertx, Clock clock) {
        this.assessor = (PolicyAssessor) assessor;
        this.facts = facts;
        this.history = history;
        this.artifacts = artifacts;
        this.revisions = revisions;
        this.audit = audit;
        this.mapper = mapper;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Emits null when the upload has no verdict. */
    public Uni<Result> rescan(String uploadId, Mode mode, String reason, String actor) {
        return Panache.withSession(() -> Verdict.<Verdict>find("uploadId", uploadId).firstResult()
                .chain(v -> v == null ? Uni.createFrom().nullItem() : inputs(v, mode)
                        .chain(in -> vertx.executeBlocking(Uni.createFrom().item(() -> judge(v, in, mode))))))
                .chain(a -> a == null ? Uni.createFrom().nullItem() : record(uploadId, mode, a, reason, actor));
    }

    private record Inputs(JsonNode facts, JsonNode submission, JsonNode history) {
    }

    private Uni<Inputs> inputs(Verdict v, Mode mode) {
        JsonNode submission = read(v.submission);
        Uni<JsonNode> stored = mode == Mode.RE_EVALUATE ? facts.of(v) : Uni.createFrom().nullItem();
        return stored.chain(f -> {
            if (mode == Mode.RE_EVALUATE && f == null) {
                throw new NoFacts("upload " + v.uploadId + " has no stored Facts; re-analyze it instead");
            }
            return history.forPackage(v.packageName, v.uploadId).map(h -> new Inputs(f, submission, h));
        });
    }

    /** Worker thread: S3 download and analysis block and burn CPU. */
    private Assessment judge(Verdict v, Inputs in, Mode mode) {
        if (mode == Mode.RE_EVALUATE) {
            return assessor.evaluate(in.facts(), in.submission(), in.history());
        }
        JsonNode obj = in.submission().path("object");
        if (!obj.hasNonNull("bucket") || !obj.hasNonNull("key")) {
            throw new NoFacts("the submission of " + v.uploadId + " names no stored object");
        }
        try (FetchedArtifact apk = artifacts.fetch(obj.path("bucket").asText(), obj.path("key").asText(),
                obj.path("size").asLong(), v.sha256)) {
            // as the upload made them: with the policy the submission names, not only what the APK bundles
            JsonNode fresh = assessor.analyze(apk.path(), obj.path("bucket").asText(), in.submission());
            return assessor.evaluate(fresh, in.submission(), in.history());
        }
    }

    private Uni<Result> record(String uploadId, Mode mode, Assessment a, String reason, String actor) {
        String findings = write(a.findings());
        Instant now = clock.instant();
        JsonNode newFindings = read(findings);
        return Panache.withTransaction(() -> storeFacts(uploadId, mode, a).chain(() -> revisions.reviseInTransaction(uploadId, v -> {
            JsonNode stored = read(v.findings);
            // a reviewer's waiver on this upload survives the re-scan (WaiverCarryOver)
            WaiverCarryOver.Result w = WaiverCarryOver.apply(stored, (ArrayNode) newFindings.deepCopy(),
                    a.decision().name());
            LocalDate due = w.carried() == 0 ? a.rectifyBy()
                    : !"RECTIFY".equals(w.decision()) ? null
                    : v.rectifyBy != null ? v.rectifyBy
                    : LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(w.minRectifyDays());
            FindingsDiff diff = FindingsDiff.between(v.decision, stored, w.decision(), w.findings());
            boolean sameDeadline = Objects.equals(v.rectifyBy, due)
                    // a deadline is counted from the decision day: re-judging the same findings later keeps it
                    || (diff.isEmpty() && "RECTIFY".equals(v.decision));
            if (diff.isEmpty() && sameDeadline) {
                return null;
            }
            return new VerdictRevisions.Change(w.decision(), diff.isEmpty() ? v.rectifyBy : due,
                    "RESCAN", a.rulePackVersion(), w.findings().toString(), null, now);
        }, (v, rev) -> {
            restOnNewFacts(mode, a, v);
            return Uni.createFrom().voidItem();
        }).invoke(rev -> {
            // an unchanged outcome is no revision, but the verdict still moves to the new Facts: otherwise the next
            // re-review finds it on the old analyzer again and queues the same re-analysis for ever
            if (!rev.changed()) {
                restOnNewFacts(mode, a, rev.verdict());
            }
        }).call(rev -> audit.append(actor, AuditAction.RESCAN, "upload:" + uploadId, reason, rev.before(),
                summary(mode, a, rev), now)).map(rev -> new Result(uploadId, mode, rev.changed(), rev.verdict().revision,
                rev.before().decision(), rev.verdict().decision, a.rulePackVersion(), a.analyzerVersion(),
                rev.changed() ? rev.diff().added() : List.of(), rev.changed() ? rev.diff().resolved() : List.of()))));
    }

    /** After a re-analysis the verdict rests on the new Facts (FactsStore reads them by this version). */
    private static void restOnNewFacts(Mode mode, Assessment a, Verdict v) {
        if (mode == Mode.RE_ANALYZE && a.analyzerVersion() != null) {
            v.analyzerVersion = a.analyzerVersion();
            v.signerSha256 = a.signerSha256();
            v.retryable = a.retryable();
        }
    }

    private Uni<Void> storeFacts(String uploadId, Mode mode, Assessment a) {
        if (mode != Mode.RE_ANALYZE || a.facts() == null) {
            return Uni.createFrom().voidItem();
        }
        String sha = a.facts().path("sha256").asText(null);
        if (sha == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> FactsStore.store(s, uploadId, sha, a.analyzerVersion(), write(a.facts()),
                FactsStore.policySection(mapper, a.facts())));
    }

    private static Map<String, Object> summary(Mode mode, Assessment a, VerdictRevisions.Revised rev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.name());
        m.put("changed", rev.changed());
        m.put("decision", a.decision().name());
        m.put("rulePackVersion", a.rulePackVersion());
        m.put("analyzerVersion", a.analyzerVersion());
        m.put("added", rev.changed() ? rev.diff().added() : List.of());
        m.put("resolved", rev.changed() ? rev.diff().resolved() : List.of());
        return m;
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not JSON", e);
        }
    }
}
