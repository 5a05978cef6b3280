package com.admissiongate.it;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.review.ReReviewProgress;
import com.admissiongate.review.ReReviewScope;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-review fetches a URL-named privacy policy again (issue #11) through the upload's PolicySource, and a fetch that
 * fails becomes the same {@code unavailable} section as at upload instead of stopping the run. The test stack allows
 * no policy host (gate.privacy.allowed-hosts empty), so the fetch is refused before any network access: the app
 * stored with a {@code null} policy section (nothing resolved at upload) now gets POLICY-00-UNREADABLE with the
 * refusal, a RE_REVIEW revision, and the run ends DONE with nothing failed.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ReReviewPolicyRefreshTests {

    static final String POLICY_URL = "https://policy.example.net/privacy";

    @Inject
    ReReviewer reviewer;

    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    ReReviewFixtures fx;

    @BeforeEach
    void clean() {
        fx = new ReReviewFixtures(pool, assessor);
        fx.clearListings();
    }

    @Test
    void aUrlPolicyIsFetchedAgainAndARefusedFetchIsAnUnavailableSectionNotAFailedRun() throws Throwable {
        String pkg = ReReviewFixtures.pkg("policyurl");
        ObjectNode facts = (ObjectNode) fx.facts(pkg);
        String sha = ReReviewFixtures.sha(facts);
        fx.rows("update facts set document = jsonb_set(document, '{privacyPolicy}', 'null') where sha256 = $1", sha);
        facts.putNull("privacyPolicy");
        String id = ReReviewFixtures.uploadId();
        ObjectNode sub = ReReviewFixtures.submission(id, pkg, sha, 18, "dev-policyurl");
        sub.putObject("privacyPolicy").put("url", POLICY_URL).putNull("objectKey");
        Assessment stored = fx.evaluate(facts, sub);
        assertThat(stored.findings()).noneMatch(f -> f.ruleId().equals("POLICY-00-UNREADABLE"));
        fx.verdict(pkg, facts, sub, stored.decision().name(), ReReviewFixtures.JSON.writeValueAsString(stored.findings()),
                stored.rectifyBy(), reviewer.activePackVersion(), Instant.parse("2030-01-01T00:00:00Z"));
        fx.list(pkg, sha, "LISTED", Instant.parse("2030-01-02T00:00:00Z"));

        ReReviewProgress run = VertxContextSupport.subscribeAndAwait(() -> reviewer.run("OPERATOR",
                new ReReviewScope(pkg, null, null, null, null, null, false, null), "test-user", null,
                Instant.parse("2041-06-01T03:00:00Z")));

        assertThat(run.state()).isEqualTo("DONE");
        assertThat(run.evaluated()).isEqualTo(1);
        assertThat(run.failed()).isZero();
        assertThat(run.changed()).isEqualTo(1);
        var rows = fx.rows("select reason, findings::text from verdict_revision where upload_id = $1 and revision = 2", id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString(0)).isEqualTo("RE_REVIEW");
        JsonNode finding = null;
        for (JsonNode f : ReReviewFixtures.JSON.readTree(rows.get(0).getString(1))) {
            if (f.path("ruleId").asText().equals("POLICY-00-UNREADABLE")) {
                finding = f;
            }
        }
        assertThat(finding).isNotNull();
        List<String> evidence = new ArrayList<>();
        finding.path("evidence").forEach(e -> evidence.add(e.asText()));
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0)).startsWith("HOST_NOT_ALLOWED: ");
        assertThat(evidence.get(1)).isEqualTo("url " + POLICY_URL);
        // the shared Facts row is not rewritten: the fresh section only feeds this judgement
        assertThat(fx.rows("select document -> 'privacyPolicy' is null or jsonb_typeof(document -> 'privacyPolicy') = 'null'"
                + " from facts where sha256 = $1", sha).get(0).getBoolean(0)).isTrue();
    }
}
