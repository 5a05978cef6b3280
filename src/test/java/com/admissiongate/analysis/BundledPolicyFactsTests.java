package com.admissiongate.analysis;

import com.admissiongate.apk.ApkLimits;
import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.RulePackLoader;
import com.admissiongate.privacy.BundledPolicies;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy pages an app ships in assets/: app text, and the privacy policy when the upload names none. */
class BundledPolicyFactsTests {

    static final String PRIVACY = "<html><body><h1>隐私政策</h1><p>本隐私政策适用于记账本应用。</p>"
            + "<p>我们收集您的设备信息，用于保障账号安全。</p><p>您可以在设置中撤回同意。</p>"
            + "<p>如需注销账号，请在“我的-设置”中申请。</p><button>同意</button><button>不同意</button></body></html>";
    static final String AGREEMENT = "用户协议\n登录即代表您同意本协议。\n";

    static FactsAssembler assembler;
    static PolicyAssessor assessor;

    @BeforeAll
    static void load() throws Exception {
        // two pages at most, 2 KiB each: the third and the large one are not read
        assembler = new FactsAssembler(ApkLimits.defaults(), BehaviourLimits.defaults(), new BundledPolicies.Limits(2, 2048),
                CatalogLoader.fromClasspath(), (apk, minSdk) -> null, new ObjectMapper());
        assessor = new PolicyAssessor(assembler, new RulePackLoader().loadFromClasspath("policies/cn-app-pi"),
                new PolicyEvaluator(), new ObjectMapper(), Clock.systemUTC());
    }

    static Path apk(Path dir, String name, String... assets) {
        ApkFixtureBuilder b = ApkFixtureBuilder.apk().manifest(ApkFixtureBuilder.minimalManifest("com.example.notes"));
        for (int i = 0; i < assets.length; i += 2) {
            b.entry(assets[i], assets[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return b.writeTo(dir, name);
    }

    static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void bundledPrivacyHtmlBecomesThePolicyAndItsTextCountsAsAppText(@TempDir Path dir) {
        Path apk = apk(dir, "bundled.apk", "assets/web/privacy.html", PRIVACY, "assets/user_agreement.txt", AGREEMENT,
                "assets/config.json", "{\"隐私政策\": true}");
        JsonNode facts = assembler.assemble(apk);

        JsonNode p = facts.get("privacyPolicy");
        assertThat(p.get("status").asText()).isEqualTo("parsed");
        assertThat(p.get("source").get("kind").asText()).isEqualTo("asset");
        assertThat(p.get("source").get("ref").asText()).isEqualTo("assets/web/privacy.html");
        assertThat(p.get("language").asText()).isEqualTo("zh-Hans");
        assertThat(p.get("sections").get("rightsCancelAccount").get("present").asBoolean()).isTrue();

        JsonNode t = facts.get("appText");
        assertThat(t.get("stringCount").asInt()).isZero(); // assets are evidence, not UI strings
        assertThat(t.get("policyMention").toString()).contains("assets/web/privacy.html#0: 隐私政策");
        assertThat(t.get("agree").toString()).contains("assets/web/privacy.html#").contains(": 同意");
        assertThat(t.get("disagree").toString()).contains(": 不同意");
        assertThat(t.get("impliedConsent").toString()).contains("assets/user_agreement.txt#1: 登录即代表您同意本协议。");
        assertThat(t.toString()).doesNotContain("config.json");
        assertThat(facts.get("analyzerVersion").asText()).contains("+" + BundledPolicies.VERSION + "+cat-");
    }

    @Test
    void factsWithABundledPolicyValidateAgainstTheContracts(@TempDir Path dir) throws Exception {
        JsonNode facts = assembler.assemble(apk(dir, "schema.apk", "assets/privacy.html", PRIVACY));
        for (String[] c : new String[][]{{"contracts/facts.schema.json", ""}, {"contracts/privacy-policy.schema.json", "privacyPolicy"}}) {
            com.networknt.schema.JsonSchema schema;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of(c[0]))) {
                schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                        .getSchema(in);
            }
            JsonNode doc = c[1].isEmpty() ? facts : facts.get(c[1]);
            assertThat(schema.validate(doc)).as(c[0]).isEmpty();
        }
        assertThat(facts.get("privacyPolicy").get("source").get("kind").asText()).isEqualTo("asset");
    }

    @Test
    void rd191NoPolicyFiresWithoutTheBundledPageAndNotWithIt(@TempDir Path dir) {
        Path with = apk(dir, "with.apk", "assets/privacy.html", PRIVACY);
        Path without = apk(dir, "without.apk", "assets/readme.html", "<p>hello</p>");

        Assessment a = assessor.assess(new AssessmentInput(with, "0".repeat(64), 1, null, null));
        Assessment b = assessor.assess(new AssessmentInput(without, "1".repeat(64), 1, null, null));

        assertThat(ruleIds(b)).contains("RD191-1.1-NO-POLICY");
        assertThat(ruleIds(a)).doesNotContain("RD191-1.1-NO-POLICY");
        assertThat(a.facts().get("privacyPolicy").get("source").get("kind").asText()).isEqualTo("asset");
        assertThat(b.facts().get("privacyPolicy").isNull()).isTrue();
    }

    @Test
    void aNamedPolicyReplacesTheBundledOne(@TempDir Path dir) {
        PolicyAssessor named = new PolicyAssessor(assembler, assessor.pack(), new PolicyEvaluator(), new ObjectMapper(),
                Clock.systemUTC(), (bucket, submission) -> java.util.Map.of("status", "unavailable", "source",
                java.util.Map.of("kind", "url", "ref", "https://example.com/p", "mediaType", "text/html")));
        Assessment a = named.assess(new AssessmentInput(apk(dir, "n.apk", "assets/privacy.html", PRIVACY), "2".repeat(64), 1,
                null, null));
        assertThat(a.facts().get("privacyPolicy").get("source").get("kind").asText()).isEqualTo("url");
    }

    @Test
    void pagesBeyondTheLimitsAreNotRead(@TempDir Path dir) {
        String big = "<html><body><p>隐私政策" + "很长的内容。".repeat(1000) + "</p></body></html>";
        Path apk = apk(dir, "limits.apk", "assets/privacy_big.html", big, "assets/agreement_a.txt", "用户协议 A",
                "assets/agreement_b.txt", "用户协议 B", "assets/terms_c.txt", "登录即同意");
        BundledPolicies reader = new BundledPolicies(new BundledPolicies.Limits(2, 2048));
        List<BundledPolicies.Asset> read = reader.read(apk, List.of("assets/privacy_big.html", "assets/agreement_a.txt",
                "assets/agreement_b.txt", "assets/terms_c.txt"));
        // privacy page first among the candidates but over 2 KiB: skipped; then max 2 candidates were considered
        assertThat(read).extracting(BundledPolicies.Asset::path).containsExactly("assets/agreement_a.txt");
        JsonNode facts = assembler.assemble(apk);
        assertThat(facts.get("privacyPolicy").isNull()).isTrue();
        assertThat(facts.get("appText").get("impliedConsent")).isEmpty();
    }
}
