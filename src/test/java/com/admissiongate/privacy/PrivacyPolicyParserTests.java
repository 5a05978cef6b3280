package com.admissiongate.privacy;

import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.catalog.SdkCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction details the accuracy set does not pin: offsets, negation, purposes, numerals, hashes, context. */
class PrivacyPolicyParserTests {

    static PrivacyPolicyParser parser;
    static final PrivacyPolicyFacts.Source SRC = new PrivacyPolicyFacts.Source("file", "t", null);

    @BeforeAll
    static void load() {
        SdkCatalog sdks = CatalogLoader.fromClasspath().sdks();
        parser = new PrivacyPolicyParser(PrivacyLimits.defaults(), sdks);
    }

    private static PrivacyPolicyFacts parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), "text/plain", "p.txt", SRC,
                new PrivacyPolicyParser.Context("速记本", "示例科技有限公司"));
    }

    @Test
    void evidenceOffsetsPointAtTheQuotedSentence() {
        String text = "速记本隐私政策\n为了向您提供同步服务，我们会收集您的设备标识符。我们不会收集您的通讯录。";
        PrivacyPolicyFacts f = parse(text);

        PrivacyPolicyFacts.DeclaredPi ids = f.declaredPiTypes().stream()
                .filter(d -> d.piType().equals("device-identifier")).findFirst().orElseThrow();
        Span s = ids.evidence().get(0);
        assertThat(s.text()).isEqualTo("为了向您提供同步服务，我们会收集您的设备标识符。");
        String extracted = "速记本隐私政策\n为了向您提供同步服务，我们会收集您的设备标识符。我们不会收集您的通讯录。\n";
        assertThat(extracted.substring(s.start(), s.end())).isEqualTo(s.text());
        assertThat(ids.purposes()).containsExactly("function");
        // declined, not declared
        assertThat(f.declaredPiTypes()).extracting(PrivacyPolicyFacts.DeclaredPi::piType).doesNotContain("contacts");
    }

    @Test
    void experienceOnlyPurposeIsFlagged() {
        PrivacyPolicyFacts f = parse("我们会收集您的位置信息，用于改善服务和提升用户体验。\n我们会收集您的手机号码，用于登录验证。");

        Map<String, Boolean> only = new java.util.TreeMap<>();
        f.declaredPiTypes().forEach(d -> only.put(d.piType(), d.experienceOnly()));
        assertThat(only).containsEntry("precise-location", true).containsEntry("coarse-location", true)
                .containsEntry("phone-number", false);
    }

    @Test
    void chineseNumeralResponsePeriodAndContext() {
        PrivacyPolicyFacts f = parse("速记本由示例科技有限公司运营。\n我们将在三十个工作日内答复您的请求。\n账号注销后15日内删除数据。");

        assertThat(f.responseDays()).isEqualTo(30);
        assertThat(f.responseEvidence().text()).isEqualTo("我们将在三十个工作日内答复您的请求。");
        assertThat(f.mentionsApp()).isTrue();
        assertThat(f.mentionsOperator()).isTrue();
    }

    @Test
    void languageIsDetected() {
        assertThat(PrivacyPolicyParser.language("我们会收集您的个人信息并保护您的隐私。")).isEqualTo("zh-Hans");
        assertThat(PrivacyPolicyParser.language("我們會收集您的個人資料並保護您的隱私。")).isEqualTo("zh-Hant");
        assertThat(PrivacyPolicyParser.language("We collect your information and the data of your device.")).isEqualTo("en");
        assertThat(PrivacyPolicyParser.language("Wir erheben Ihre Daten nur zum Zweck der Vertragserfüllung.")).isEqualTo("other");
    }

    @Test
    void sdkListInLabelledParagraphsUnderAHeading() {
        String html = "<h2>第三方SDK列表</h2><p>SDK名称：极光推送SDK；提供方：深圳市和讯华谷信息技术有限公司；使用目的：推送；"
                + "收集个人信息：设备标识符；隐私政策链接：https://www.jiguang.cn/license/privacy</p>"
                + "<p>SDK名称：某某客服SDK；提供方：某某科技有限公司；使用目的：在线客服</p>";
        PrivacyPolicyFacts f = parser.parse(html.getBytes(StandardCharsets.UTF_8), "text/html", null, SRC,
                PrivacyPolicyParser.Context.NONE);

        assertThat(f.sdks()).hasSize(2);
        PrivacyPolicyFacts.DeclaredSdk j = f.sdks().get(0);
        assertThat(j.sdkId()).isEqualTo("jpush");
        assertThat(j.name()).isEqualTo("极光推送SDK");
        assertThat(j.vendor()).isEqualTo("深圳市和讯华谷信息技术有限公司");
        assertThat(j.purpose()).isEqualTo("推送");
        assertThat(j.personalInfo()).isEqualTo("设备标识符");
        assertThat(j.link()).isEqualTo("https://www.jiguang.cn/license/privacy");
        assertThat(j.piTypes()).containsExactly("device-identifier");
        assertThat(j.source()).isEqualTo("list");
        assertThat(f.sdks().get(1).sdkId()).isNull();
        assertThat(f.sdks().get(1).name()).isEqualTo("某某客服SDK");
        assertThat(f.sections().get("sdkList").present()).isTrue();
    }

    @Test
    void packageNameInATableMatchesTheCatalog() {
        String html = "<h2>Third-party SDKs</h2><table><tr><th>Name</th><th>Package</th><th>Purpose</th></tr>"
                + "<tr><td>Push service</td><td>com.igexin</td><td>notifications</td></tr></table>";
        PrivacyPolicyFacts f = parser.parse(html.getBytes(StandardCharsets.UTF_8), "text/html", null, SRC,
                PrivacyPolicyParser.Context.NONE);

        assertThat(f.sdks()).extracting(PrivacyPolicyFacts.DeclaredSdk::sdkId).containsExactly("getui");
        assertThat(f.sdks().get(0).packageName()).isEqualTo("com.igexin");
    }

    @Test
    void sameBytesSameHashAndUnavailableKeepsTheHash() {
        PrivacyPolicyFacts a = parse("隐私政策。我们收集手机号码用于登录。");
        PrivacyPolicyFacts b = parse("隐私政策。我们收集手机号码用于登录。");

        assertThat(a.sha256()).hasSize(64).isEqualTo(b.sha256());
        PrivacyPolicyFacts bad = parser.parse(new byte[]{0, 1, 2, 0}, null, "x.bin", SRC, PrivacyPolicyParser.Context.NONE);
        assertThat(bad.status()).isEqualTo("unavailable");
        assertThat(bad.problems()).extracting(PolicyProblem::code).containsExactly("UNSUPPORTED_FORMAT");
        assertThat(bad.sha256()).isEqualTo(PrivacyPolicyParser.sha256(new byte[]{0, 1, 2, 0}));
        assertThat(bad.sections()).isEmpty();
    }

    @Test
    void parserOutputValidatesAgainstTheContract() throws Exception {
        com.networknt.schema.JsonSchema schema;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("contracts/privacy-policy.schema.json"))) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        byte[] doc = java.nio.file.Files.readAllBytes(PolicyAccuracy.DIR.resolve("zh-html-table-complete.html"));
        PrivacyPolicyFacts f = parser.parse(doc, null, "a.html", SRC, PrivacyPolicyParser.Context.NONE);

        assertThat(schema.validate(m.valueToTree(f))).isEmpty();
        assertThat(schema.validate(m.valueToTree(PrivacyPolicyFacts.unavailable(SRC, null, null,
                PolicyProblem.fatal(PolicyProblem.Code.HOST_NOT_ALLOWED, "x"))))).isEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode broken = m.valueToTree(f);
        broken.put("language", "fr");
        assertThat(schema.validate(broken)).isNotEmpty();
    }
}
