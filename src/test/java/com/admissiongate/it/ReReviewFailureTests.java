package com.admissiongate.it;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.review.ReReviewCandidate;
import com.admissiongate.review.ReReviewProgress;
import com.admissiongate.review.ReReviewRuns;
import com.admissiongate.review.ReReviewScope;
import com.admissiongate.review.ReReviewSelector;
import com.admissiongate.review.ReReviewer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-review run that dies of an {@link Error} (OutOfMemoryError in the catalog benchmark) ends FAILED, with the
 * run gauges back to 0, instead of staying RUNNING for good; also when the first attempt to mark it FAILED fails too.
 * The error is injected by replacing the page reader (and the run store) for one test, against the real stack.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ReReviewFailureTests {

    @Inject
    ReReviewer reviewer;

    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    @Inject
    ObjectMapper mapper;

    ReReviewFixtures fx;

    @BeforeEach
    void clean() {
        fx = new ReReviewFixtures(pool, assessor);
        fx.clearListings();
    }

    /** A page reader that runs out of memory while reading, like the Postgres client did on page 5 of the bench. */
    class OutOfMemorySelector extends ReReviewSelector {
        OutOfMemorySelector() {
            super(pool);
        }

        @Override
        public Uni<List<ReReviewCandidate>> page(ReReviewScope scope, String activePack, String analyzerVersion,
                                                 String afterPackage, int size,
                                                 com.admissiongate.policy.FactsSelection sections) {
            throw new OutOfMemoryError("Java heap space (simulated)");
        }
    }

    @Test
    void anErrorWhileReadingAPageEndsTheRunFailedAndTheGaugesAtZero() throws Throwable {
        String pkg = seed("oom");
        QuarkusMock.installMockForType(new OutOfMemorySelector(), ReReviewSelector.class);

        ReReviewProgress run = VertxContextSupport.subscribeAndAwait(() -> reviewer.run("OPERATOR", scope(pkg), "test-user",
                null, Instant.parse("2041-05-05T03:00:00Z")));

        assertThat(run.state()).isEqualTo("FAILED");
        assertThat(run.done()).isTrue();
        assertThat(run.selected()).isEqualTo(1);
        assertThat(run.error()).isEqualTo("java.lang.OutOfMemoryError: Java heap space (simulated)");
        assertThat(gauge("gate_rereview_running")).isEqualTo(0.0);
        assertThat(gauge("gate_rereview_selected")).isEqualTo(0.0);
        assertThat(fx.rows("select state from re_review_run where id = $1", run.id()).get(0).getString(0))
                .isEqualTo("FAILED");
    }

    /** A page's writes run behind the next page's evaluation; their failure still ends the run FAILED, not DONE. */
    @Test
    void aFailureWritingAPageEndsTheRunFailed() throws Throwable {
        String pkg = seed("writefail");
        QuarkusMock.installMockForType(new ReReviewRuns(pool, mapper) {
            @Override
            public Uni<Void> add(UUID id, PageCounts c) {
                return Uni.createFrom().failure(new IllegalStateException("progress update failed (simulated)"));
            }
        }, ReReviewRuns.class);

        ReReviewProgress run = VertxContextSupport.subscribeAndAwait(() -> reviewer.run("OPERATOR", scope(pkg), "test-user",
                null, Instant.parse("2041-05-07T03:00:00Z")));

        assertThat(run.state()).isEqualTo("FAILED");
        assertThat(run.error()).contains("progress update failed (simulated)");
        assertThat(gauge("gate_rereview_running")).isEqualTo(0.0);
    }

    /**
     * A page read that fails after an earlier page was evaluated: the run ends FAILED once that page's writes (here
     * held back 1.5 s) are done, so its counts include them. Before, it was marked FAILED while they were in flight.
     */
    @Test
    void aFailureReadingALaterPageEndsTheRunAfterTheEarlierPagesWrites() throws Throwable {
        String pkg = seed("laterpage");
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger pageSize = new AtomicInteger();
        QuarkusMock.installMockForType(new ReReviewSelector(pool) {
            @Override
            public Uni<List<ReReviewCandidate>> page(ReReviewScope scope, String activePack, String analyzerVersion,
                                                     String afterPackage, int size,
                                                     com.admissiongate.policy.FactsSelection sections) {
                if (reads.incrementAndGet() > 1) {
                    return Uni.createFrom().failure(new IllegalStateException("page read failed (simulated)"));
                }
                pageSize.set(size);
                // a full page (the one listed app, size times over) so that the run reads another
                return super.page(scope, activePack, analyzerVersion, afterPackage, size, sections)
                        .map(p -> List.copyOf(java.util.Collections.nCopies(size, p.get(0))));
            }
        }, ReReviewSelector.class);
        QuarkusMock.installMockForType(new ReReviewRuns(pool, mapper) {
            @Override
            public Uni<Void> add(UUID id, PageCounts c) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(java.time.Duration.ofMillis(1500))
                        .chain(() -> super.add(id, c));
            }
        }, ReReviewRuns.class);

        ReReviewProgress run = VertxContextSupport.subscribeAndAwait(() -> reviewer.run("OPERATOR", scope(pkg), "test-user",
                null, Instant.parse("2041-05-08T03:00:00Z")));

        assertThat(run.state()).isEqualTo("FAILED");
        assertThat(run.error()).contains("page read failed (simulated)");
        assertThat(reads.get()).isEqualTo(2);
        assertThat(run.evaluated()).as("the first page, written before the run ended").isEqualTo(pageSize.get());
        assertThat(gauge("gate_rereview_running")).isEqualTo(0.0);
    }

    @Test
    void whenMarkingTheRunFailedFailsOnceItIsRetried() throws Throwable {
        String pkg = seed("oomtwice");
        QuarkusMock.installMockForType(new OutOfMemorySelector(), ReReviewSelector.class);
        AtomicInteger finishes = new AtomicInteger();
        QuarkusMock.installMockForType(new ReReviewRuns(pool, mapper) {
            @Override
            public Uni<Void> finish(UUID id, String state, String error, Instant now) {
                if (finishes.incrementAndGet() == 1) {
                    return Uni.createFrom().failure(new OutOfMemoryError("still out of memory (simulated)"));
                }
                return super.finish(id, state, error, now);
            }
        }, ReReviewRuns.class);

        ReReviewProgress run = VertxContextSupport.subscribeAndAwait(() -> reviewer.run("OPERATOR", scope(pkg), "test-user",
                null, Instant.parse("2041-05-06T03:00:00Z")));

        assertThat(finishes.get()).isEqualTo(2);
        assertThat(run.state()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("java.lang.OutOfMemoryError: Java heap space (simulated)");
        assertThat(gauge("gate_rereview_running")).isEqualTo(0.0);
    }

    private String seed(String name) throws Exception {
        String pkg = ReReviewFixtures.pkg(name);
        JsonNode facts = fx.facts(pkg);
        String sha = ReReviewFixtures.sha(facts);
        String id = ReReviewFixtures.uploadId();
        var sub = ReReviewFixtures.submission(id, pkg, sha, 18, "dev-" + name);
        Assessment stored = fx.evaluate(facts, sub);
        fx.verdict(pkg, facts, sub, stored.decision().name(), ReReviewFixtures.JSON.writeValueAsString(stored.findings()),
                stored.rectifyBy(), reviewer.activePackVersion(), Instant.parse("2030-01-01T00:00:00Z"));
        fx.list(pkg, sha, "LISTED", Instant.parse("2030-01-02T00:00:00Z"));
        return pkg;
    }

    private static ReReviewScope scope(String pkg) {
        return new ReReviewScope(pkg, null, null, null, null, null, false, null);
    }

    private static double gauge(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " not in /q/metrics");
    }
}
