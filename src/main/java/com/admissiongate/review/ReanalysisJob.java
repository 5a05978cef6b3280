package com.admissiongate.review;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.artifact.ArtifactException;
import com.admissiongate.config.ReReviewConfig;
import com.admissiongate.verdict.Rescans;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains {@code re_analysis_request}: a re-review never judges Facts of another analyzer (their fields may mean
 * something else now), it queues the upload there. This job claims a batch (oldest first, {@code FOR UPDATE SKIP
 * LOCKED}, so replicas never take the same upload) for a lease ({@code gate.rereview.reanalysis-lease}) and
 * deletes each request once done with it; a replica killed mid-batch leaves its claims to run out, and the next run
 * anywhere takes them again (V12). It re-scans each claimed upload in mode
 * RE_ANALYZE, one after the other: the APK is fetched again (bucket, size and digest checked as at upload), analysed
 * by the current analyzer, its Facts stored and judged — a changed outcome is a RESCAN revision with its decision
 * event, every one leaves an audit entry by {@value #ACTOR}. Uploads already on the current analyzer are dropped
 * from the queue. A transient failure (S3 down) puts the request back for a later run; a permanent one (object gone,
 * digest mismatch, no verdict) drops it with a warning, since trying again cannot help.
 */
@ApplicationScoped
public class ReanalysisJob {

    private static final Logger LOG = Logger.getLogger(ReanalysisJob.class);
    static final String ACTOR = "system:re-analysis";

    private final Rescans rescans;
    private final Pool pool;
    private final ReReviewConfig config;
    private final Clock clock;
    private final String analyzerVersion;

    public ReanalysisJob(Rescans rescans, Pool pool, ReReviewConfig config, Clock clock, Assessor assessor) {
        this.rescans = rescans;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.analyzerVersion = ((PolicyAssessor) io.quarkus.arc.ClientProxy.unwrap(assessor)).assembler().analyzerVersion();
    }

    /** What one run did. */
    public record Outcome(int claimed, int reanalysed, int changed, int requeued, int dropped) {
    }

    @Scheduled(cron = "${gate.rereview.reanalysis-cron:0 5/10 * * * ?}", identity = "re-analysis",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce(config.reanalysisBatch()).replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} queued uploads not claimed by a live lease and re-analyses those not on the current
     * analyzer yet; each request is deleted when done with (put back unclaimed after a transient failure).
     */
    public Uni<Outcome> runOnce(int limit) {
        java.time.Instant now = clock.instant();
        String claim = "with c as (update re_analysis_request set claimed_until = $3 where upload_id in ("
                + "   select upload_id from re_analysis_request where claimed_until is null or claimed_until <= $4"
                + "   order by requested_at, upload_id limit $1 for update skip locked)"
                + "   returning upload_id, analyzer_version, sha256, wanted_version, requested_at, run_id, claimed_until)"
                + " select c.*, v.analyzer_version = $2 as current from c left join verdict v on v.upload_id = c.upload_id";
        return pool.preparedQuery(claim).execute(Tuple.tuple().addInteger(limit).addString(analyzerVersion)
                .addOffsetDateTime(now.plus(config.reanalysisLease()).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            int[] counts = new int[4]; // reanalysed, changed, requeued, dropped
            return Multi.createFrom().iterable(claimed)
                    .onItem().transformToUniAndConcatenate(r -> one(r, counts))
                    .collect().last()
                    .map(x -> new Outcome(claimed.size(), counts[0], counts[1], counts[2], counts[3]));
        });
    }

    private Uni<Void> one(Row r, int[] counts) {
        return work(r, counts).chain(requeued -> requeued ? Uni.createFrom().voidItem() : done(r));
    }

    /** The re-analysis of one claimed request; emits whether the request was put back for a later run. */
    private Uni<Boolean> work(Row r, int[] counts) {
        String uploadId = r.getString("upload_id");
        if (Boolean.TRUE.equals(r.getBoolean("current"))) {
            return Uni.createFrom().item(false); // re-uploaded or re-scanned since it was queued
        }
        String reason = "analyzer upgrade: " + r.getString("analyzer_version") + " -> " + analyzerVersion;
        return rescans.rescan(uploadId, Rescans.Mode.RE_ANALYZE, reason, ACTOR)
                .invoke(res -> {
                    if (res == null) {
                        counts[3]++; // no verdict (any more): nothing to re-judge
                        return;
                    }
                    counts[0]++;
                    if (res.changed()) {
                        counts[1]++;
                    }
                })
                .replaceWith(false)
                .onFailure().recoverWithUni(e -> {
                    if (e instanceof ArtifactException a && !a.permanent()) {
                        counts[2]++;
                        LOG.warnf("re-analysis of %s put back: %s", uploadId, e.toString());
                        return requeue(r).replaceWith(true);
                    }
                    counts[3]++;
                    LOG.warnf("re-analysis of %s dropped: %s", uploadId, e.toString());
                    return Uni.createFrom().item(false);
                });
    }

    /** Deletes a request this run has finished with, unless its claim moved on (a lease that ran out, taken again). */
    private Uni<Void> done(Row r) {
        return pool.preparedQuery("delete from re_analysis_request where upload_id = $1 and claimed_until = $2")
                .execute(Tuple.tuple().addString(r.getString("upload_id")).addOffsetDateTime(r.getOffsetDateTime("claimed_until")))
                .replaceWithVoid();
    }

    /** Puts a request back at the end of the queue, unclaimed, for a later run. */
    private Uni<Void> requeue(Row r) {
        return pool.preparedQuery("update re_analysis_request set claimed_until = null, requested_at = $3"
                        + " where upload_id = $1 and claimed_until = $2")
                .execute(Tuple.tuple().addString(r.getString("upload_id")).addOffsetDateTime(r.getOffsetDateTime("claimed_until"))
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
