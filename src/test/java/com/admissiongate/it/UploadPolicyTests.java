package com.admissiongate.it;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.review.ReReviewCandidate;
import com.admissiongate.review.ReReviewProgress;
import com.admissiongate.review.ReReviewScope;
import com.admissiongate.review.ReReviewSelector;
import com.admissiongate.review.ReReviewer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The privacy policy is the upload's, not the binary's. Facts are stored once per sha256 + analyzer version, so two
 * uploads of the same bytes share a row, but each named its own policy: the second one's section is kept beside
 * the row (upload_policy) and every later judgement of it (re-scan, re-review, the console) uses it. A re-analysis
 * resolves the named policy again, as the upload did, instead of judging the app as having none.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class UploadPolicyTests extends StackTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    @Inject
    ReReviewer reviewer;

    @Inject
    ReReviewSelector selector;

    ReReviewFixtures fx;

    @BeforeEach
    void clean() {
        fx = new ReReviewFixtures(pool, assessor);
        fx.clearListings();
    }

    /** Uploads {@code apk} of {@code pkg} naming {@code policy} (uploaded next to it); the decision event's data. */
    static JsonNode submit(String pkg, byte[] apk, byte[] policy) throws Exception {
        return stack.submitWithPolicy(pkg, apk, "速算工具", "dev-upload-policy", "甲开发者", policy, WAIT);
    }

    static Set<String> ruleIds(JsonNode decision) {
        Set<String> ids = new TreeSet<>();
        decision.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    static JsonNode rescan(String uploadId, String mode) {
        String body = given().auth().oauth2(JwtTestKeys.token("admin")).contentType("application/json")
                .body("{\"mode\":\"" + mode + "\",\"reason\":\"policy check\"}")
                .post("/api/v1/verdicts/" + uploadId + "/rescan").then().statusCode(200).extract().asString();
        try {
            return StackClient.JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    String ownPolicySha(String uploadId) {
        List<io.vertx.mutiny.sqlclient.Row> rows = fx.rows("select section ->> 'sha256' from upload_policy where upload_id = $1",
                uploadId);
        return rows.isEmpty() ? null : rows.get(0).getString(0);
    }

    @Test
    void twoUploadsOfTheSameBytesAreEachJudgedWithTheirOwnPolicyAfterwards() throws Throwable {
        String run = UUID.randomUUID().toString();
        String pkg = "com.example.samebytes" + run.substring(0, 8);
        byte[] apk = PolicySharingTests.apk(pkg, "速算工具");
        JsonNode a = submit(pkg, apk, PolicySharingTests.policy(run));
        byte[] weak = ("<html><body><p>本应用重视您的隐私（" + run + "）。</p></body></html>").getBytes(StandardCharsets.UTF_8);
        JsonNode b = submit(pkg, apk, weak);
        assertThat(b.get("sha256").asText()).isEqualTo(a.get("sha256").asText());
        // the two policies lead to different findings, so judging one upload with the other's policy shows
        assertThat(ruleIds(b)).isNotEqualTo(ruleIds(a));
        String aId = a.get("uploadId").asText();
        String bId = b.get("uploadId").asText();
        assertThat(ownPolicySha(aId)).as("the first upload's section is the one in the shared row").isNull();
        String bSha = ownPolicySha(bId);
        assertThat(bSha).hasSize(64);
        String aSha = fx.rows("select document #>> '{privacyPolicy,sha256}' from facts where sha256 = $1",
                a.get("sha256").asText()).get(0).getString(0);
        assertThat(aSha).hasSize(64).isNotEqualTo(bSha);

        // the re-review page brings B's own section, with or without Facts sections
        fx.list(pkg, b.get("sha256").asText(), "LISTED", Instant.now());
        ReReviewScope scope = new ReReviewScope(pkg, null, null, null, null, null, false, null);
        for (com.admissiongate.policy.FactsSelection sections : java.util.Arrays.asList(null,
                com.admissiongate.policy.FactsSelection.of(Set.of("privacyPolicy")),
                com.admissiongate.policy.FactsSelection.none().key("privacyPolicy", "sha256"))) {
            List<ReReviewCandidate> page = selector.page(scope, reviewer.activePackVersion(),
                    reviewer.current().assembler().analyzerVersion(), "", 10, sections).await().indefinitely();
            assertThat(page).hasSize(1);
            assertThat(page.get(0).uploadId()).isEqualTo(bId);
            assertThat(page.get(0).facts()).contains(bSha).doesNotContain(aSha);
        }
        assertThat(selector.facts(List.of(aId, bId), reviewer.current().assembler().analyzerVersion())
                .await().indefinitely()).hasSize(2)
                .hasEntrySatisfying(aId, t -> assertThat(t).contains(aSha).doesNotContain(bSha))
                .hasEntrySatisfying(bId, t -> assertThat(t).contains(bSha).doesNotContain(aSha));

        // judged again on the stored Facts: nothing changes, for either upload
        assertThat(rescan(bId, "re-evaluate").get("changed").asBoolean()).isFalse();
        assertThat(rescan(aId, "re-evaluate").get("changed").asBoolean()).isFalse();
        ReReviewProgress p = VertxContextSupport.subscribeAndAwait(() -> reviewer.run("OPERATOR", scope, "test-user",
                null, Instant.parse("2041-06-01T03:00:00Z")));
        assertThat(p.state()).isEqualTo("DONE");
        assertThat(p.evaluated()).isEqualTo(1);
        assertThat(p.changed()).as("B re-reviewed with its own policy").isZero();
    }

    @Test
    void aReAnalysisResolvesTheUploadedPolicyAgain() throws Exception {
        String run = UUID.randomUUID().toString();
        String pkg = "com.example.reanalyze" + run.substring(0, 8);
        JsonNode a = submit(pkg, PolicySharingTests.apk(pkg, "速算工具"), PolicySharingTests.policy(run));
        assertThat(ruleIds(a)).doesNotContain("RD191-1.1-NO-POLICY");
        String id = a.get("uploadId").asText();

        JsonNode r = rescan(id, "re-analyze");

        assertThat(r.get("changed").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.get("decision").asText()).isEqualTo(a.get("decision").asText());
        given().auth().oauth2(JwtTestKeys.token("viewer")).get("/api/v1/verdicts/" + id).then().statusCode(200)
                .body("revision", equalTo(1));
    }
}
