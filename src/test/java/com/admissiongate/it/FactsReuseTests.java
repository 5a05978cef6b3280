package com.admissiongate.it;

import com.admissiongate.analysis.Assessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Analyse once": a second upload of bytes already analysed is judged on the stored Facts (with its own privacy
 * policy) instead of being analysed again, unless the stored analysis was incomplete or the policy it needs is not in
 * the stored row. Each test edits the stored Facts row of the first upload (targetSdk 33 → 20, which BUILD-01 flags)
 * so the second upload's findings show which Facts it was judged on: the stored ones (BUILD-01 present) or a fresh
 * analysis of the binary (absent).
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class FactsReuseTests extends StackTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String BUILD_01 = "BUILD-01-TARGETSDK";
    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    @Inject
    MeterRegistry registry;

    ReReviewFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ReReviewFixtures(pool, assessor);
    }

    /** Uploads {@code apk} of {@code pkg}, naming no privacy policy; the decision event's data. */
    static JsonNode submitWithoutPolicy(String pkg, byte[] apk) throws Exception {
        String id = "it-" + UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        ObjectNode ev = stack.uploadEvent(id, pkg, key, apk);
        ((ObjectNode) ev.get("data")).put("appName", "速算工具");
        stack.publish("store.uploads", pkg, ev.toString());
        return stack.awaitDecision(id, WAIT).get("data");
    }

    static JsonNode submitWithPolicy(String pkg, byte[] apk, String run) throws Exception {
        return stack.submitWithPolicy(pkg, apk, "速算工具", "dev-facts-reuse", "甲开发者", PolicySharingTests.policy(run), WAIT);
    }

    static boolean has(JsonNode decision, String ruleId) {
        for (JsonNode f : decision.get("findings")) {
            if (ruleId.equals(f.get("ruleId").asText())) {
                return true;
            }
        }
        return false;
    }

    static java.util.Set<String> ruleIds(JsonNode decision) {
        return UploadPolicyTests.ruleIds(decision);
    }

    /** Edits the stored Facts of {@code sha256}: targetSdk 20, and {@code complete} as given. */
    void editStoredFacts(String sha256, boolean complete) {
        int n = fx.rows("update facts set document = jsonb_set(jsonb_set(document, '{manifest,targetSdk}', '20'),"
                + " '{complete}', to_jsonb($2::boolean)) where sha256 = $1 returning 1", sha256, complete).size();
        assertThat(n).as("stored Facts of " + sha256).isEqualTo(1);
    }

    double counted(String use) {
        Counter c = registry.find("gate.facts.stored").tag("use", use).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aReUploadOfTheSameBytesIsJudgedOnTheStoredFactsWithItsOwnPolicy() throws Exception {
        String run = UUID.randomUUID().toString();
        String pkg = "com.example.reuse" + run.substring(0, 8);
        byte[] apk = PolicySharingTests.apk(pkg, "速算工具");
        JsonNode a = submitWithoutPolicy(pkg, apk);
        assertThat(has(a, BUILD_01)).as("targetSdk 33 as built").isFalse();
        assertThat(has(a, "RD191-1.1-NO-POLICY")).as(ruleIds(a).toString()).isTrue();
        editStoredFacts(a.get("sha256").asText(), true);
        double reused = counted("reused");

        JsonNode b = submitWithPolicy(pkg, apk, run);

        assertThat(b.get("sha256").asText()).isEqualTo(a.get("sha256").asText());
        assertThat(has(b, BUILD_01)).as("judged on the stored Facts: " + ruleIds(b)).isTrue();
        assertThat(has(b, "RD191-1.1-NO-POLICY")).as("with the policy it named itself").isFalse();
        assertThat(counted("reused")).isEqualTo(reused + 1);
        // the upload's own policy is kept beside the shared row, as for an analysed upload (UploadPolicyTests)
        assertThat(fx.rows("select 1 from upload_policy where upload_id = $1", b.get("uploadId").asText())).hasSize(1);
    }

    @Test
    void anIncompleteStoredAnalysisIsDoneAgain() throws Exception {
        String pkg = "com.example.reuseinc" + UUID.randomUUID().toString().substring(0, 8);
        byte[] apk = PolicySharingTests.apk(pkg, "速算工具");
        JsonNode a = submitWithoutPolicy(pkg, apk);
        editStoredFacts(a.get("sha256").asText(), false);
        double analysed = counted("analysed");

        JsonNode b = submitWithoutPolicy(pkg, apk);

        assertThat(has(b, BUILD_01)).as("analysed again: targetSdk 33 from the binary: " + ruleIds(b)).isFalse();
        assertThat(counted("analysed")).isEqualTo(analysed + 1);
    }

    @Test
    void aReUploadWithoutPolicyAfterOneThatNamedAPolicyIsAnalysedAgain() throws Exception {
        String run = UUID.randomUUID().toString();
        String pkg = "com.example.reusenopol" + run.substring(0, 8);
        byte[] apk = PolicySharingTests.apk(pkg, "速算工具");
        JsonNode a = submitWithPolicy(pkg, apk, run);
        assertThat(has(a, "RD191-1.1-NO-POLICY")).isFalse();
        editStoredFacts(a.get("sha256").asText(), true);

        JsonNode b = submitWithoutPolicy(pkg, apk);

        // the stored row holds A's uploaded policy, not what B gets without one (the APK's own, here none)
        assertThat(has(b, BUILD_01)).as("analysed again: " + ruleIds(b)).isFalse();
        assertThat(has(b, "RD191-1.1-NO-POLICY")).as(ruleIds(b).toString()).isTrue();
    }
}
