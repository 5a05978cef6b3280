package com.admissiongate.analysis;

import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.RulePackLoader;
import com.admissiongate.privacy.BundledPolicies;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When stored Facts may stand in for the analysis of a re-upload ({@link PolicyAssessor#reuse}): only complete Facts
 * of the same bytes under this analyzer, and only with the privacy policy the upload itself gets.
 */
class FactsReuseRulesTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static FactsAssembler assembler;
    static PolicyAssessor unnamed;
    static PolicyAssessor named;

    @BeforeAll
    static void load() throws Exception {
        assembler = new FactsAssembler(ApkLimits.defaults(), BehaviourLimits.defaults(), new BundledPolicies.Limits(2, 2048),
                CatalogLoader.fromClasspath(), (apk, minSdk) -> null, JSON);
        unnamed = new PolicyAssessor(assembler, new RulePackLoader().loadFromClasspath("policies/cn-app-pi"),
                new PolicyEvaluator(), JSON, Clock.systemUTC());
        named = new PolicyAssessor(assembler, unnamed.pack(), new PolicyEvaluator(), JSON, Clock.systemUTC(),
                (bucket, submission) -> Map.of("status", "unavailable", "source",
                        Map.of("kind", "objectKey", "ref", bucket + "/policies/p.html")));
    }

    /** Facts of an APK that ships its own privacy page (section kind "asset"), as stored (JSON text, read back). */
    static ObjectNode stored(Path dir) throws Exception {
        Path apk = BundledPolicyFactsTests.apk(dir, "reuse.apk", "assets/privacy.html", BundledPolicyFactsTests.PRIVACY);
        ObjectNode facts = (ObjectNode) JSON.readTree(assembler.assemble(apk).toString());
        assertThat(facts.get("complete").asBoolean()).isTrue();
        assertThat(facts.at("/privacyPolicy/source/kind").asText()).isEqualTo("asset");
        return facts;
    }

    @Test
    void completeFactsOfTheSameBytesAreReusedWithTheBundledPolicyWhenNoneIsNamed(@TempDir Path dir) throws Exception {
        ObjectNode facts = stored(dir);
        String sha = facts.get("sha256").asText();

        ObjectNode reused = unnamed.reuse(facts.toString(), sha.toUpperCase(), "uploads", null);

        assertThat(reused).isEqualTo(facts);
    }

    @Test
    void aNamedPolicyReplacesTheStoredSection(@TempDir Path dir) throws Exception {
        ObjectNode facts = stored(dir);

        ObjectNode reused = named.reuse(facts.toString(), facts.get("sha256").asText(), "uploads", JSON.createObjectNode());

        assertThat(reused.at("/privacyPolicy/source/kind").asText()).isEqualTo("objectKey");
        assertThat(reused.at("/privacyPolicy/source/ref").asText()).isEqualTo("uploads/policies/p.html");
        com.fasterxml.jackson.databind.JsonNode rest = reused.deepCopy().without("privacyPolicy");
        assertThat(rest).isEqualTo(facts.deepCopy().without("privacyPolicy"));
    }

    @Test
    void incompleteOtherAnalyzerOtherBytesOrUnreadableFactsAreNotReused(@TempDir Path dir) throws Exception {
        ObjectNode facts = stored(dir);
        String sha = facts.get("sha256").asText();

        assertThat(unnamed.reuse(facts.deepCopy().put("complete", false).toString(), sha, "uploads", null)).isNull();
        assertThat(unnamed.reuse(facts.deepCopy().put("analyzerVersion", "apk-0.0.0-old").toString(), sha, "uploads", null))
                .isNull();
        assertThat(unnamed.reuse(facts.toString(), "0".repeat(64), "uploads", null)).isNull();
        assertThat(unnamed.reuse("{\"complete\": tru", sha, "uploads", null)).isNull();
        assertThat(unnamed.reuse("[]", sha, "uploads", null)).isNull();
    }

    @Test
    void anUploadNamingNoPolicyIsNotGivenThePolicyAnEarlierUploadNamed(@TempDir Path dir) throws Exception {
        ObjectNode facts = stored(dir);
        String sha = facts.get("sha256").asText();
        ObjectNode earlier = named.reuse(facts.toString(), sha, "uploads", JSON.createObjectNode());

        assertThat(unnamed.reuse(earlier.toString(), sha, "uploads", null)).as("the row holds another upload's policy")
                .isNull();
        // no section at all (the APK ships none) is the upload's own: reusable
        assertThat(unnamed.reuse(facts.deepCopy().putNull("privacyPolicy").toString(), sha, "uploads", null)).isNotNull();
    }
}
