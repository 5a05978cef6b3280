package com.admissiongate.it;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.review.ReanalysisJob;
import com.admissiongate.testkit.TestSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-analysis job drains what re-reviews queue for Facts of an older analyzer: the APK is fetched from S3
 * again, analysed by the current analyzer, its Facts stored, the verdict re-judged and audited; an upload without a
 * verdict is dropped from the queue; nothing is left behind.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ReanalysisJobTests extends StackTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String OLD = "apk-0.0.0-old";

    @Inject
    ReanalysisJob job;

    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    @Test
    void queuedUploadsOfAnOlderAnalyzerAreFetchedAgainAnalysedAndJudged_unknownOnesDropped() throws Throwable {
        String current = ((PolicyAssessor) ClientProxy.unwrap(assessor)).assembler().analyzerVersion();
        String pkg = "com.example.reanalyse" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        String id = "it-" + UUID.randomUUID();
        byte[] apk = PipelineTests.cleanApk(pkg, 1, TestSigner.rsa("CN=Reanalyse, O=Example, C=CN", 2048));
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        ObjectNode ev = stack.uploadEvent(id, pkg, key, apk);
        stack.publish("store.uploads", pkg, ev.toString());
        JsonNode decided = stack.awaitDecision(id, WAIT).get("data");
        String sha = decided.get("sha256").asText();

        // as if analysed by an older analyzer and found so by a re-review: only re-analysis brings current Facts back
        pool.preparedQuery("update facts set analyzer_version = $1 where sha256 = $2").execute(Tuple.of(OLD, sha))
                .await().indefinitely();
        pool.preparedQuery("update verdict set analyzer_version = $1 where upload_id = $2").execute(Tuple.of(OLD, id))
                .await().indefinitely();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String ghost = "it-ghost-" + UUID.randomUUID();
        for (String[] r : new String[][]{{id, sha}, {ghost, "0".repeat(64)}}) {
            pool.preparedQuery("insert into re_analysis_request (upload_id, sha256, analyzer_version, wanted_version, "
                            + "requested_at, run_id) values ($1, $2, $3, $4, $5, $6)")
                    .execute(Tuple.tuple().addString(r[0]).addString(r[1]).addString(OLD).addString(current)
                            .addOffsetDateTime(now.minusYears(50)).addUUID(UUID.randomUUID()))
                    .await().indefinitely();
        }

        ReanalysisJob.Outcome out = VertxContextSupport.subscribeAndAwait(() -> job.runOnce(1000));
        ReReviewFixtures fx = new ReReviewFixtures(pool, null);

        assertThat(out.reanalysed()).isGreaterThanOrEqualTo(1);
        assertThat(out.dropped()).isGreaterThanOrEqualTo(1);
        assertThat(fx.rows("select 1 from re_analysis_request where upload_id = any($1)", (Object) new String[]{id, ghost}))
                .isEmpty();
        assertThat(fx.rows("select analyzer_version from verdict where upload_id = $1", id))
                .singleElement().satisfies(r -> assertThat(r.getString(0)).isEqualTo(current));
        assertThat(fx.rows("select 1 from facts where sha256 = $1 and analyzer_version = $2", sha, current)).hasSize(1);
        assertThat(fx.rows("select reason from audit_log where actor = 'system:re-analysis' and target = $1", "upload:" + id))
                .singleElement().satisfies(r -> assertThat(r.getString(0)).contains(OLD).contains(current));
    }
    /**
     * A claim is a lease: a request claimed by a replica that died mid-batch (lease run out) is taken again by the
     * next run; one under a live lease is left to its claimer. Before, claiming deleted the batch, so a killed
     * replica lost the rest of it.
     */
    @Test
    void aClaimLeftByAReplicaThatDiedIsTakenAgainOnceItsLeaseRanOut_aLiveClaimIsLeftAlone() throws Throwable {
        String current = ((PolicyAssessor) ClientProxy.unwrap(assessor)).assembler().analyzerVersion();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String dead = "it-dead-claim-" + UUID.randomUUID();
        String live = "it-live-claim-" + UUID.randomUUID();
        OffsetDateTime liveUntil = now.plusMinutes(10).withNano(0);
        for (Object[] r : new Object[][]{{dead, now.minusMinutes(1)}, {live, liveUntil}}) {
            pool.preparedQuery("insert into re_analysis_request (upload_id, sha256, analyzer_version, wanted_version, "
                            + "requested_at, run_id, claimed_until) values ($1, $2, $3, $4, $5, $6, $7)")
                    .execute(Tuple.tuple().addString((String) r[0]).addString("0".repeat(64)).addString(OLD)
                            .addString(current).addOffsetDateTime(now.minusYears(60)).addUUID(UUID.randomUUID())
                            .addOffsetDateTime((OffsetDateTime) r[1]))
                    .await().indefinitely();
        }
        ReReviewFixtures fx = new ReReviewFixtures(pool, null);
        try {
            ReanalysisJob.Outcome out = VertxContextSupport.subscribeAndAwait(() -> job.runOnce(1000));

            // the dead replica's request was worked on (no verdict: dropped) and is gone
            assertThat(out.dropped()).isGreaterThanOrEqualTo(1);
            assertThat(fx.rows("select 1 from re_analysis_request where upload_id = $1", dead)).isEmpty();
            // the live claim is untouched
            assertThat(fx.rows("select claimed_until from re_analysis_request where upload_id = $1", live))
                    .singleElement().satisfies(r -> assertThat(r.getOffsetDateTime(0).toInstant()).isEqualTo(liveUntil.toInstant()));
        } finally {
            fx.rows("delete from re_analysis_request where upload_id = $1 returning 1", live);
        }
    }
}
