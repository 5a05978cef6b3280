package com.admissiongate.it;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PackActivated;
import com.admissiongate.review.EvaluationBasis;
import com.admissiongate.review.ReReviewJob;
import com.admissiongate.review.ReReviewProgress;
import com.admissiongate.review.ReReviewer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Re-review against the real Postgres and Kafka: real Facts re-evaluated under the active pack, decisions through
 * the outbox to store.decisions. Time is passed in (runOnce(now)); each test uses its own day so the once-per-day
 * guard of one test never hides another's run. Listings are cleared first, so a catalog-wide selection sees only the
 * apps the test listed.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ReReviewTests extends StackTest {

    @Inject
    ReReviewJob job;

    @Inject
    ReReviewer reviewer;

    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    @Inject
    Event<PackActivated> packActivated;

    @Inject
    EvaluationBasis basis;

    ReReviewFixtures fx;

    @BeforeEach
    void clean() {
        fx = new ReReviewFixtures(pool, assessor);
        fx.clearListings();
    }

    /** A day of its own for every test and every test run (the re-review runs once per day). */
    static Instant freshDay() {
        return Instant.parse("2040-01-01T03:00:00Z").plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(2_000_000)));
    }

    record Seeded(String pkg, String uploadId, JsonNode facts, ObjectNode submission, Assessment now) {
    }

    /**
     * A listed app whose verdict was decided for {@code storedMinAge} and whose submission now says {@code minAge}:
     * when the two differ, the minors rules make the re-evaluation differ from the stored outcome.
     */
    Seeded seed(String name, Integer storedMinAge, Integer minAge, String packVersion, String state) throws Exception {
        String pkg = ReReviewFixtures.pkg(name);
        JsonNode facts = fx.facts(pkg);
        String sha = ReReviewFixtures.sha(facts);
        String id = ReReviewFixtures.uploadId();
        ObjectNode sub = ReReviewFixtures.submission(id, pkg, sha, minAge, "dev-" + name);
        Assessment stored = fx.evaluate(facts, ReReviewFixtures.submission(id, pkg, sha, storedMinAge, "dev-" + name));
        fx.verdict(pkg, facts, sub, stored.decision().name(), ReReviewFixtures.JSON.writeValueAsString(stored.findings()),
                stored.rectifyBy(), packVersion == null ? active() : packVersion, Instant.parse("2030-01-01T00:00:00Z"));
        fx.list(pkg, sha, state, Instant.parse("2030-01-02T00:00:00Z"));
        return new Seeded(pkg, id, facts, sub, fx.evaluate(facts, sub));
    }

    String active() {
        return reviewer.activePackVersion();
    }

    ReReviewProgress runOnce(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> job.runOnce(now));
    }

    List<Integer> revisions(String uploadId) {
        return fx.rows("select revision from verdict_revision where upload_id = $1 order by revision", uploadId)
                .stream().map(r -> r.getInteger(0)).toList();
    }

    List<JsonNode> decisions(String uploadId, int stopAfter, Duration wait) {
        List<ConsumerRecord<String, String>> recs = stack.read("store.decisions",
                r -> r.value().contains("\"uploadId\":\"" + uploadId + "\""), stopAfter, wait);
        return recs.stream().map(r -> {
            try {
                return StackClient.JSON.readTree(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static List<String> ruleIds(List<com.admissiongate.analysis.Finding> findings) {
        return findings.stream().map(com.admissiongate.analysis.Finding::ruleId).toList();
    }

    @Test
    void dailySelectionTakesListedAppsAimedAtMinorsOrDecidedUnderAnotherPack_andQueuesOldAnalyzerFactsForReanalysis()
            throws Throwable {
        Seeded minors = seed("minors", 8, 8, null, "LISTED");
        seed("adult", 18, 18, null, "LISTED");
        Seeded stale = seed("stale", 18, 18, "cn-app-pi@0.1.0-old", "LISTED");
        seed("delisted", 8, 8, null, "DELISTED");
        Seeded oldAnalyzer = seed("oldanalyzer", 8, 8, null, "LISTED");
        fx.rows("update verdict set analyzer_version = 'apk-analyzer@0.0.1-old' where upload_id = $1 returning id",
                oldAnalyzer.uploadId());
        Instant day = freshDay();

        ReReviewProgress run = runOnce(day);

        assertThat(run.state()).isEqualTo("DONE");
        assertThat(run.trigger()).isEqualTo("SCHEDULED");
        assertThat(run.selected()).isEqualTo(3);
        assertThat(run.evaluated()).isEqualTo(2);
        assertThat(run.unchanged()).isEqualTo(2);
        assertThat(run.changed()).isZero();
        assertThat(run.reanalysis()).isEqualTo(1);
        assertThat(run.failed()).isZero();
        assertThat(fx.rows("select wanted_version, analyzer_version from re_analysis_request where upload_id = $1",
                oldAnalyzer.uploadId())).singleElement().satisfies(r -> {
                    assertThat(r.getString(0)).isEqualTo(oldAnalyzer.facts().path("analyzerVersion").asText());
                    assertThat(r.getString(1)).isEqualTo("apk-analyzer@0.0.1-old");
                });
        // same outcome under the active pack: not re-selected for being stale, and nothing published
        assertThat(fx.rows("select reviewed_pack_version from verdict where upload_id = $1", stale.uploadId()))
                .singleElement().satisfies(r -> assertThat(r.getString(0)).isEqualTo(active()));
        assertThat(revisions(minors.uploadId())).containsExactly(1);
        assertThat(revisions(stale.uploadId())).containsExactly(1);
        // the day's run is done: a later trigger the same day (another replica's scheduler) does nothing
        assertThat(runOnce(day.plusSeconds(600))).isNull();
        // next day: the minors app is selected again, the stale one no longer (reviewed under the active pack)
        ReReviewProgress next = runOnce(day.plus(Duration.ofDays(1)));
        assertThat(next.selected()).isEqualTo(2);
        assertThat(next.evaluated()).isEqualTo(1);
        assertThat(next.reanalysis()).isEqualTo(1);
    }

    /**
     * With the pack's basis recorded (as every replica does at start-up), a minors app judged by the active pack on its
     * own submission is settled by reusing its stored results (only the history rules are evaluated again, over the
     * Facts sections they read): same outcome, no revision, counted as reused. Without the basis, the same app is
     * evaluated in full.
     */
    @Test
    void aConsistentVerdictOfTheActivePackIsSettledByReusingItsResults() throws Throwable {
        Seeded app = seed("reused", 8, 8, null, "LISTED");
        double reusedBefore = counter("gate_rereview_reuse_total", "path=\"reused\"");
        double fullBefore = counter("gate_rereview_reuse_total", "path=\"full\"");
        VertxContextSupport.subscribeAndAwait(() -> basis.recordServing());

        ReReviewProgress run = runOnce(freshDay());

        assertThat(run.selected()).isEqualTo(1);
        assertThat(run.unchanged()).isEqualTo(1);
        assertThat(run.changed()).isZero();
        assertThat(revisions(app.uploadId())).containsExactly(1);
        assertThat(counter("gate_rereview_reuse_total", "path=\"reused\"")).isEqualTo(reusedBefore + 1);
        assertThat(counter("gate_rereview_reuse_total", "path=\"full\"")).isEqualTo(fullBefore);

        fx.clearListings(); // drops the basis too
        fx.list(app.pkg(), ReReviewFixtures.sha(app.facts()), "LISTED", Instant.parse("2030-01-02T00:00:00Z"));
        ReReviewProgress again = runOnce(freshDay());
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(counter("gate_rereview_reuse_total", "path=\"reused\"")).isEqualTo(reusedBefore + 1);
    }

    /** A counter of /q/metrics with the given label (0 when not registered yet). */
    static double counter(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void aChangedOutcomePublishesOneReReviewDecisionWithTheDiffAndTheMinorsDeadline() throws Throwable {
        Seeded app = seed("changed", 18, 8, null, "LISTED");
        assertThat(ruleIds(app.now().findings())).contains("MINOR-03-NO-MINOR-MODE");
        Instant day = freshDay();

        ReReviewProgress run = runOnce(day);

        assertThat(run.selected()).isEqualTo(1);
        assertThat(run.changed()).isEqualTo(1);
        assertThat(revisions(app.uploadId())).containsExactly(1, 2);
        List<JsonNode> events = decisions(app.uploadId(), 2, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(PipelineTests.decisionSchema().validate(events.get(0))).isEmpty();
        JsonNode d = events.get(0).get("data");
        assertThat(d.get("reason").asText()).isEqualTo("RE_REVIEW");
        assertThat(d.get("revision").asInt()).isEqualTo(2);
        assertThat(d.get("decision").asText()).isEqualTo(app.now().decision().name());
        List<String> added = StackClient.JSON.convertValue(d.at("/changes/added"), List.class);
        assertThat(added).contains("MINOR-03-NO-MINOR-MODE");
        assertThat(d.at("/changes/resolved").size()).isZero();
        assertThat(d.get("decidedAt").asText()).isEqualTo(day.toString());
        if ("RECTIFY".equals(d.get("decision").asText())) {
            // %test.gate.rereview.minors-rectify-days=7 wins over the rules' 30 days
            assertThat(d.get("rectifyBy").asText()).isEqualTo(LocalDate.ofInstant(day, ZoneOffset.UTC).plusDays(7).toString());
        }
    }

    @Test
    void aReviewersWaiverSurvivesAReReviewThatChangesTheFindings() throws Throwable {
        // stored: decided for an adult audience, one open finding waived by a reviewer; now the audience is 8
        String pkg = ReReviewFixtures.pkg("waived");
        JsonNode facts = fx.facts(pkg);
        String sha = ReReviewFixtures.sha(facts);
        String id = ReReviewFixtures.uploadId();
        ObjectNode sub = ReReviewFixtures.submission(id, pkg, sha, 8, "dev-waived");
        Assessment stored = fx.evaluate(facts, ReReviewFixtures.submission(id, pkg, sha, 18, "dev-waived"));
        com.fasterxml.jackson.databind.node.ArrayNode storedFindings = ReReviewFixtures.JSON.valueToTree(stored.findings());
        String waivedRule = null;
        for (JsonNode f : storedFindings) {
            if (waivedRule == null && List.of("REJECT", "RECTIFY").contains(f.path("outcome").asText())) {
                waivedRule = f.path("ruleId").asText();
                ((ObjectNode) f).putObject("waived").put("by", "rev-1").put("reason", "vendor contract checked")
                        .put("at", "2030-01-03T00:00:00Z");
            }
        }
        assertThat(waivedRule).as("the fixture needs an open finding to waive").isNotNull();
        fx.verdict(pkg, facts, sub, stored.decision().name(), storedFindings.toString(), stored.rectifyBy(), active(),
                Instant.parse("2030-01-01T00:00:00Z"));
        fx.list(pkg, sha, "LISTED", Instant.parse("2030-01-02T00:00:00Z"));
        Assessment now = fx.evaluate(facts, sub);
        assertThat(ruleIds(now.findings())).contains("MINOR-03-NO-MINOR-MODE", waivedRule);

        ReReviewProgress run = runOnce(freshDay());

        assertThat(run.changed()).isEqualTo(1);
        var row = fx.rows("select findings::text, decision from verdict where upload_id = $1", id).get(0);
        JsonNode after = StackClient.JSON.readTree(row.getString(0));
        JsonNode kept = null;
        for (JsonNode f : after) {
            if (f.path("ruleId").asText().equals(waivedRule)) {
                kept = f;
            }
        }
        assertThat(kept).isNotNull();
        assertThat(kept.path("waived").path("by").asText()).isEqualTo("rev-1");
        assertThat(kept.path("waived").path("reason").asText()).isEqualTo("vendor contract checked");
        // the decision is taken from the findings nobody waived
        String expected = "ACCEPT";
        for (var f : now.findings()) {
            if (f.ruleId().equals(waivedRule)) {
                continue;
            }
            if ("REJECT".equals(f.outcome())) {
                expected = "REJECT";
            } else if ("RECTIFY".equals(f.outcome()) && !"REJECT".equals(expected)) {
                expected = "RECTIFY";
            }
        }
        assertThat(row.getString(1)).isEqualTo(expected);
        JsonNode event = decisions(id, 2, Duration.ofSeconds(20)).get(0).get("data");
        assertThat(event.get("decision").asText()).isEqualTo(expected);
        assertThat(event.get("reason").asText()).isEqualTo("RE_REVIEW");
    }

    @Test
    void anUnchangedOutcomePublishesNothing() throws Throwable {
        Seeded app = seed("same", 8, 8, null, "LISTED");

        ReReviewProgress run = runOnce(freshDay());

        assertThat(run.selected()).isEqualTo(1);
        assertThat(run.unchanged()).isEqualTo(1);
        assertThat(run.changed()).isZero();
        assertThat(revisions(app.uploadId())).containsExactly(1);
        assertThat(decisions(app.uploadId(), 1, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void twoReplicasRunningTheDailyJobAtOnce_onlyOneDoesTheWork() throws Throwable {
        Seeded app = seed("twice", 18, 8, null, "LISTED");
        Instant day = freshDay();

        List<CompletableFuture<ReReviewProgress>> both = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return runOnce(day);
                    } catch (Throwable e) {
                        throw new CompletionException(e);
                    }
                })).toList();
        List<ReReviewProgress> results = both.stream().map(CompletableFuture::join).toList();

        assertThat(results.stream().filter(r -> r != null).toList()).singleElement()
                .satisfies(r -> assertThat(r.changed()).isEqualTo(1));
        assertThat(revisions(app.uploadId())).containsExactly(1, 2);
        assertThat(decisions(app.uploadId(), 2, Duration.ofSeconds(15))).hasSize(1);
        assertThat(fx.rows("select count(*) from re_review_run where dedup_key = $1",
                "SCHEDULED:" + LocalDate.ofInstant(day, ZoneOffset.UTC))).singleElement()
                .satisfies(r -> assertThat(r.getLong(0)).isEqualTo(1L));
    }

    @Test
    void whileAnotherSessionHoldsTheAdvisoryLockTheDailyJobDoesNothing() throws Throwable {
        Seeded app = seed("locked", 18, 8, null, "LISTED");
        Instant day = freshDay();
        long lock = ReReviewJob.lockId("re-review:scheduled");
        SqlConnection other = pool.getConnection().await().indefinitely();
        try {
            assertThat(other.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(lock))
                    .await().indefinitely().iterator().next().getBoolean(0)).isTrue();

            assertThat(runOnce(day)).isNull();
            assertThat(revisions(app.uploadId())).containsExactly(1);

            other.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(lock)).await().indefinitely();
            assertThat(runOnce(day).changed()).isEqualTo(1);
            assertThat(revisions(app.uploadId())).containsExactly(1, 2);
        } finally {
            other.close().await().indefinitely();
        }
    }

    @Test
    void aPackActivationReReviewsListedAppsDecidedUnderThePreviousPack() throws Throwable {
        String previous = "cn-app-pi@0.9." + ThreadLocalRandom.current().nextInt(1_000_000);
        Seeded underPrevious = seed("prevpack", 18, 18, previous, "LISTED");
        // decided under the previous pack with nothing to report; the active pack finds what it finds
        fx.rows("update verdict set decision = 'ACCEPT', findings = '[]'::jsonb where upload_id = $1 returning id",
                underPrevious.uploadId());
        Seeded underOther = seed("otherpack", 18, 18, "cn-app-pi@0.5.0-other", "LISTED");
        fx.rows("update verdict set decision = 'ACCEPT', findings = '[]'::jsonb where upload_id = $1 returning id",
                underOther.uploadId());
        assertThat(underPrevious.now().findings()).isNotEmpty();

        packActivated.fire(new PackActivated(active(), previous, "admin-7"));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<io.vertx.mutiny.sqlclient.Row> done = List.of();
        while (done.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            done = fx.rows("select selected, changed, requested_by from re_review_run where trigger = 'PACK_CHANGE' "
                    + "and scope ->> 'previousPack' = $1 and state = 'DONE'", previous);
        }
        assertThat(done).singleElement().satisfies(r -> {
            assertThat(r.getInteger(0)).isEqualTo(1);
            assertThat(r.getInteger(1)).isEqualTo(1);
            assertThat(r.getString(2)).isEqualTo("admin-7");
        });
        assertThat(revisions(underPrevious.uploadId())).containsExactly(1, 2);
        assertThat(revisions(underOther.uploadId())).containsExactly(1);
        JsonNode d = decisions(underPrevious.uploadId(), 1, Duration.ofSeconds(20)).get(0).get("data");
        assertThat(d.get("reason").asText()).isEqualTo("RE_REVIEW");
        assertThat(d.get("rulePackVersion").asText()).isEqualTo(active());
        assertThat(d.at("/changes/previousDecision").asText()).isEqualTo("ACCEPT");
        assertThat(StackClient.JSON.convertValue(d.at("/changes/added"), List.class))
                .containsExactlyElementsOf(ruleIds(underPrevious.now().findings()));
    }

    @Test
    void anAdminTriggersAReReviewOfOneApp_andFollowsItsProgress() throws Throwable {
        Seeded app = seed("operator", 18, 8, null, "LISTED");
        seed("bystander", 18, 8, null, "LISTED");
        String admin = JwtTestKeys.token("admin");

        String id = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"package\":\"" + app.pkg() + "\",\"reason\":\"complaint 42\"}")
                .post("/api/v1/re-reviews").then().statusCode(202).body("trigger", equalTo("OPERATOR"))
                .extract().path("id");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean done = false;
        while (!done && System.nanoTime() < deadline) {
            Thread.sleep(200);
            done = given().auth().oauth2(JwtTestKeys.token("viewer")).get("/api/v1/re-reviews/" + id)
                    .then().statusCode(200).extract().path("done");
        }
        given().auth().oauth2(JwtTestKeys.token("viewer")).get("/api/v1/re-reviews/" + id).then().statusCode(200)
                .body("state", equalTo("DONE")).body("selected", equalTo(1)).body("evaluated", equalTo(1))
                .body("changed", equalTo(1)).body("failed", equalTo(0)).body("requestedBy", equalTo("test-user"));
        given().auth().oauth2(JwtTestKeys.token("viewer")).get("/api/v1/listings/" + app.pkg()).then().statusCode(200)
                .body("state", equalTo("LISTED")).body("sha256", equalTo(ReReviewFixtures.sha(app.facts())))
                .body("verdict.uploadId", equalTo(app.uploadId())).body("verdict.revision", equalTo(2))
                .body("verdict.reason", equalTo("RE_REVIEW"));
        assertThat(fx.rows("select actor, reason from audit_log where action = 'RE_REVIEW_TRIGGER' and target = $1",
                "package:" + app.pkg())).singleElement().satisfies(r -> {
                    assertThat(r.getString(0)).isEqualTo("test-user");
                    assertThat(r.getString(1)).isEqualTo("complaint 42");
                });
        given().auth().oauth2(admin).contentType("application/json").body("{}").post("/api/v1/re-reviews")
                .then().statusCode(400).body("code", equalTo("RE_REVIEW_SCOPE_REQUIRED"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"package\":\"not a package\"}")
                .post("/api/v1/re-reviews").then().statusCode(400).body("code", equalTo("INVALID_PACKAGE"));
        given().auth().oauth2(admin).get("/api/v1/listings/com.example.never.listed").then().statusCode(404)
                .body("code", equalTo("LISTING_NOT_FOUND"));
    }
}
