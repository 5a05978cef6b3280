package com.admissiongate.cli;

import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.testkit.DexFixture;
import com.admissiongate.testkit.TestSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scan --policy}: the offline path reads the policy file and the policy rules judge it against the APK. */
class ScanPolicyTests {

    @TempDir
    static Path dir;
    static final ObjectMapper MAPPER = new ObjectMapper();
    static PolicyAssessor assessor;
    static Path readsImei;
    static Path meta;

    @BeforeAll
    static void setUp() throws Exception {
        assessor = ScanCommand.offlineAssessor();
        TestSigner signer = TestSigner.rsa("CN=Scan Tool, O=Example, C=CN", 2048);
        DexFixture dex = DexFixture.dex().cls("Lcom/example/scan/Tracker;", "Ljava/lang/Object;")
                .method("collect", "()V").invokeVirtual("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;")
                .end().end();
        readsImei = Files.write(dir.resolve("reads-imei.apk"),
                signer.sign(ScanCommandTests.build("com.example.scan", false, dex, null), 24));
        ObjectNode m = MAPPER.createObjectNode();
        m.put("package", "com.example.scan").put("versionCode", 3).put("appName", "Scan Tool")
                .put("basicFunction", "Scans documents").put("appType", "实用工具类");
        m.putObject("developer").put("id", "dev-1").put("name", "Example Ltd").put("piContact", "pi@example.com");
        m.putObject("privacyPolicy").put("objectKey", "policy.html");
        m.putObject("audience").put("minAge", 18).put("minorsTargeted", false);
        m.putObject("filing").put("number", "京ICP备2024000001号-1A").put("certSha256", signer.certSha256());
        meta = dir.resolve("meta.json");
        MAPPER.writeValue(meta.toFile(), m);
    }

    private static JsonNode scanJson(Path policy) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ScanCommand(assessor));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of(readsImei.toString(), "--meta", meta.toString(), "--format", "json"));
        if (policy != null) {
            args.addAll(List.of("--policy", policy.toString()));
        }
        cl.execute(args.toArray(String[]::new));
        try {
            return MAPPER.readTree(out.toString());
        } catch (Exception e) {
            throw new AssertionError(out + "\n" + err, e);
        }
    }

    private static List<String> ruleIds(JsonNode report) {
        return report.get("findings").findValuesAsText("ruleId");
    }

    @Test
    void withoutPolicyTheTextRulesStayQuiet() {
        assertThat(ruleIds(scanJson(null))).containsExactly("SDK-04-DEVICE-IDS");
    }

    @Test
    void englishPolicyThatNeverDeclaresDeviceIdsFailsDeclaredVsObserved() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.html"), "<h1>Scan Tool Privacy Policy</h1>"
                + "<p>Scan Tool is provided by Example Ltd. We collect your email address to create your account.</p>",
                StandardCharsets.UTF_8);

        JsonNode r = scanJson(policy);

        assertThat(ruleIds(r)).contains("RD191-1.4-NOT-ZH-HANS", "RD191-3.9-BEHAVIOUR-VS-POLICY",
                "RD191-2.1-POLICY-INCOMPLETE", "RD191-6.3-SLOW-RESPONSE", "SHARE-292-NO-LISTS")
                .doesNotContain("POLICY-00-UNREADABLE", "MP-1-NOT-INDEPENDENT");
        JsonNode f39 = null;
        for (JsonNode f : r.get("findings")) {
            if (f.get("ruleId").asText().equals("RD191-3.9-BEHAVIOUR-VS-POLICY")) {
                f39 = f;
            }
        }
        assertThat(f39.get("evidence").toString())
                .contains("device-identifier observed via api by app (Landroid/telephony/TelephonyManager;->getDeviceId")
                .contains("Lcom/example/scan/Tracker;->collect()V");
    }

    @Test
    void hostilePolicyFileIsAWarningNotACrash() throws Exception {
        Path policy = Files.writeString(dir.resolve("deep.html"),
                "<html><body>" + "<div>".repeat(50_000) + "</body></html>", StandardCharsets.UTF_8);

        JsonNode r = scanJson(policy);

        assertThat(ruleIds(r)).contains("POLICY-00-UNREADABLE").doesNotContain("RD191-3.9-BEHAVIOUR-VS-POLICY");
        assertThat(r.toString()).contains("TOO_DEEP");
    }
}
