package com.admissiongate.it.console;

import com.admissiongate.it.JwtTestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minors' page over HTTP against the real stack: listed apps aimed at minors with their last re-review, the
 * admin's re-review trigger (same service, audit entry and run table as the API) and the run's progress page.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ConsoleMinorsTests {

    static final String SHA = "0".repeat(64);

    /** One token per role: the CSRF token is bound to the exact JWT of the session. */
    static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    static String bearer(String role) {
        return "Bearer " + TOKENS.computeIfAbsent(role, r -> ConsoleFixtures.token("minors-" + r, r));
    }

    static Document page(String role, String path) {
        Response r = given().header("Authorization", bearer(role)).get(path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return Jsoup.parse(r.asString());
    }

    /** Only this test's listings exist, so the page's first 200 rows and the "all minors" run are this test's. */
    @org.junit.jupiter.api.BeforeEach
    void clearListings() throws Exception {
        ConsoleFixtures.update("delete from listing");
    }

    static String pkg() {
        return "com.example.minors" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static Element row(Document d, String pkg) {
        Element row = d.selectFirst("#minors-listed tr[data-package=" + pkg + "]");
        assertThat(row).as("listed row of " + pkg).isNotNull();
        return row;
    }

    @Test
    void showsListedMinorsApps_withLastReReviewFromRevisionOrReviewedAt() throws Exception {
        String never = pkg();
        String reviewed = pkg();
        String revised = pkg();
        String unlisted = pkg();
        ConsoleFixtures.rectifyVerdict(never, "dev-m");
        String r = ConsoleFixtures.rectifyVerdict(reviewed, "dev-m");
        String v = ConsoleFixtures.rectifyVerdict(revised, "dev-m");
        ConsoleFixtures.rectifyVerdict(unlisted, "dev-m");
        for (String p : new String[] {never, reviewed, revised}) {
            ConsoleFixtures.listed(p, SHA);
        }
        // same outcome under a newer pack: no revision, only reviewed_at
        ConsoleFixtures.update("update verdict set reviewed_at = timestamptz '2030-02-03 04:05:00+00',"
                + " reviewed_pack_version = 'cn-app-pi@9.9.9' where upload_id = ?", r);
        // changed outcome: a RE_REVIEW revision, later than an older reviewed_at
        ConsoleFixtures.update("update verdict set reviewed_at = timestamptz '2030-01-01 00:00:00+00',"
                + " reviewed_pack_version = 'cn-app-pi@8.0.0' where upload_id = ?", v);
        ConsoleFixtures.update("insert into verdict_revision (upload_id, revision, decision, rectify_by, reason,"
                + " rule_pack_version, findings, decided_at) select upload_id, 2, decision, rectify_by, 'RE_REVIEW',"
                + " 'cn-app-pi@9.9.10', findings, timestamptz '2030-03-04 05:06:00+00' from verdict where upload_id = ?", v);

        Document d = page("viewer", "/console/minors?lang=en");
        assertThat(row(d, never).selectFirst(".last-review").text()).isEqualTo("never (cn-app-pi@1.0.0)");
        assertThat(row(d, reviewed).selectFirst(".last-review").text()).isEqualTo("2030-02-03 04:05 UTC cn-app-pi@9.9.9");
        assertThat(row(d, revised).selectFirst(".last-review").text()).isEqualTo("2030-03-04 05:06 UTC cn-app-pi@9.9.10");
        assertThat(row(d, never).select("td").get(2).text()).endsWith("15 days left");
        assertThat(d.select("#minors-listed tr[data-package=" + unlisted + "]")).isEmpty();
        // the test profile turns the daily cron off
        assertThat(d.selectFirst("#next-run").text()).isEqualTo("not scheduled on this replica (gate.rereview.cron=off)");
        // a viewer gets no trigger
        assertThat(d.select("#rereview-all-form, form.rereview-one")).isEmpty();
    }

    @Test
    void adminReReviewsOneApp_andFollowsTheRunToItsEnd() throws Exception {
        String pkg = pkg();
        String upload = ConsoleFixtures.rectifyVerdict(pkg, "dev-m");
        ConsoleFixtures.listed(pkg, SHA);
        Document d = page("admin", "/console/minors?lang=en");
        Element form = row(d, pkg).selectFirst("form.rereview-one");
        assertThat(form.attr("action")).isEqualTo("/console/minors/re-review");
        assertThat(form.selectFirst("input[name=package]").val()).isEqualTo(pkg);
        assertThat(d.selectFirst("#rereview-all-form")).isNotNull();

        Response post = given().redirects().follow(false).header("Authorization", bearer("admin"))
                .formParam("csrf", form.selectFirst("input[name=csrf]").val()).formParam("package", pkg)
                .post("/console/minors/re-review");
        assertThat(post.statusCode()).as(post.asString()).isEqualTo(303);
        String location = post.header("Location");
        assertThat(location).matches(".*/console/minors/runs/[0-9a-f-]{36}");
        String runId = location.substring(location.lastIndexOf('/') + 1);

        Document run = awaitDone(runId);
        // the fixture's Facts come from another analyzer: the app is queued for re-analysis, not judged
        assertThat(run.selectFirst("#run-state").text()).isEqualTo("DONE");
        assertThat(run.selectFirst("#run-processed").text()).isEqualTo("1 / 1");
        assertThat(run.selectFirst("#run-scope").text()).isEqualTo("package " + pkg);
        assertThat(run.selectFirst("#run-progress").hasAttr("hx-get")).isFalse();
        assertThat(ConsoleFixtures.scalar("select trigger || ' ' || requested_by || ' ' || reanalysis from re_review_run"
                + " where id = cast(? as uuid)", runId)).isEqualTo("OPERATOR minors-admin 1");
        assertThat(ConsoleFixtures.scalar("select actor || ' ' || reason from audit_log where action = 'RE_REVIEW_TRIGGER'"
                + " and target = ?", "package:" + pkg)).isEqualTo("minors-admin console: re-review of " + pkg);
        assertThat(ConsoleFixtures.scalar("select wanted_version from re_analysis_request where upload_id = ?", upload))
                .isNotNull();
        // the run is listed on the minors' page
        ConsoleFixtures.backdateFutureRuns();
        assertThat(page("viewer", "/console/minors?lang=en").select("#rereview-runs a").eachAttr("href"))
                .contains("/console/minors/runs/" + runId);
    }

    @Test
    void adminReReviewsAllListedMinorsApps() throws Exception {
        String pkg = pkg();
        ConsoleFixtures.rectifyVerdict(pkg, "dev-m");
        ConsoleFixtures.listed(pkg, SHA);
        Document d = page("admin", "/console/minors?lang=en");
        Response post = given().redirects().follow(false).header("Authorization", bearer("admin"))
                .formParam("csrf", d.selectFirst("#rereview-all-form input[name=csrf]").val())
                .post("/console/minors/re-review");
        assertThat(post.statusCode()).as(post.asString()).isEqualTo(303);
        String runId = post.header("Location").substring(post.header("Location").lastIndexOf('/') + 1);
        Document run = awaitDone(runId);
        assertThat(run.selectFirst("#run-scope").text()).isEqualTo("aimed at minors");
        assertThat(ConsoleFixtures.scalar("select scope::text from re_review_run where id = cast(? as uuid)", runId))
                .isEqualTo("{\"daily\": false, \"minorsTargeted\": true}");
    }

    @Test
    void refusesTriggerToViewerAndReviewer_withTheirOwnValidCsrf() throws Exception {
        String pkg = pkg();
        ConsoleFixtures.rectifyVerdict(pkg, "dev-m");
        ConsoleFixtures.listed(pkg, SHA);
        for (String role : new String[] {"viewer", "reviewer"}) {
            // a valid token of their own session: only the role stops them
            String csrf = ConsoleSecurityTests.csrfOf(given().header("Authorization", bearer(role))
                    .get("/console/minors?lang=en").asString());
            Response post = given().redirects().follow(false).header("Authorization", bearer(role))
                    .formParam("csrf", csrf).formParam("package", pkg).post("/console/minors/re-review?lang=en");
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(post.asString()).selectFirst("#problem-title").text()).isEqualTo("Not allowed");
        }
        assertThat(ConsoleFixtures.scalar("select count(*) from audit_log where action = 'RE_REVIEW_TRIGGER'"
                + " and target = ?", "package:" + pkg)).isEqualTo("0");
    }

    @Test
    void refusesInvalidPackageAndUnknownRun() {
        Document d = page("admin", "/console/minors?lang=en");
        Response post = given().header("Authorization", bearer("admin"))
                .formParam("csrf", d.selectFirst("#rereview-all-form input[name=csrf]").val())
                .formParam("package", "not a package").post("/console/minors/re-review?lang=en");
        assertThat(post.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(post.asString()).selectFirst("#minors-error").text()).isEqualTo("Not a valid package name.");
        given().header("Authorization", bearer("viewer")).get("/console/minors/runs/" + UUID.randomUUID())
                .then().statusCode(404);
        given().header("Authorization", bearer("viewer")).get("/console/minors/runs/not-a-uuid").then().statusCode(404);
    }

    static Document awaitDone(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Document d;
        do {
            d = page("viewer", "/console/minors/runs/" + runId + "?lang=en");
            if (!"RUNNING".equals(d.selectFirst("#run-state").text())) {
                // the polled fragment says the same as the page
                Document fragment = page("viewer", "/console/minors/runs/" + runId + "/progress?lang=en");
                assertThat(fragment.selectFirst("#run-state").text()).isEqualTo(d.selectFirst("#run-state").text());
                return d;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run " + runId + " still RUNNING: " + d.selectFirst("#run-progress"));
    }
}
