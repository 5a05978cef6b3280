package com.admissiongate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.TestSigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * End to end through the real broker, s3proxy and Postgres started by ./gate test: upload event in, decision event
 * out, verdict readable over REST.
 */
@QuarkusTest
@io.quarkus.test.common.WithTestResource(JwtTestKeys.class)
class PipelineTests {

    static StackClient stack;
    static final Duration WAIT = Duration.ofSeconds(45);

    @BeforeAll
    static void connect() {
        stack = new StackClient();
        // reviewers read verdicts with a bearer token; the auth matrix itself is AuthMatrixTests
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(JwtTestKeys.token("viewer"));
    }

    @AfterAll
    static void disconnect() {
        io.restassured.RestAssured.reset();
        stack.close();
    }

    static byte[] zip(String... namesAndContents) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** One stored entry whose central directory claims a 10 MB entry compressed into a few bytes. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            z.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            z.write(new byte[]{3, 0, 8, 0});
            z.closeEntry();
            z.putNextEntry(new ZipEntry("assets/bomb.bin"));
            z.write(new byte[10_000_000]);
            z.closeEntry();
        }
        return bos.toByteArray();
    }

    static JsonSchema decisionSchema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("contracts/events/decision.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    String submit(byte[] apk, String pkg) throws Exception {
        String id = "it-" + UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        ObjectNode ev = stack.uploadEvent(id, pkg, key, apk);
        stack.publish("store.uploads", pkg, ev.toString());
        return id;
    }

    /** A well-formed release build: signed v1+v2+v3 with RSA-2048, targetSdk 33, no dangerous permissions. */
    static byte[] cleanSignedApk(String pkg) throws Exception {
        byte[] unsigned = ApkFixtureBuilder.apk()
                .manifest(AxmlWriter.element("manifest").attr("package", pkg).android("versionCode", 1)
                        .android("versionName", "1.0")
                        .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 24).android("targetSdkVersion", 33))
                        .child(AxmlWriter.element("application").android("label", "Clean Tool")
                                .android("allowBackup", false)))
                .build();
        return TestSigner.rsa("CN=Clean Tool, O=Example, C=CN", 2048).sign(unsigned, 24);
    }

    @Test
    void shouldJudgeSignedApkWithTheRulePack_andPublishSchemaValidEvent() throws Exception {
        String id = submit(cleanSignedApk("com.example.clean"), "com.example.clean");

        JsonNode ce = stack.awaitDecision(id, WAIT);

        assertThat(decisionSchema().validate(ce)).isEmpty();
        JsonNode d = ce.get("data");
        assertThat(d.get("rulePackVersion").asText()).startsWith("cn-app-pi@");
        assertThat(d.get("analyzerVersion").asText()).startsWith("apk-");
        List<String> rules = d.get("findings").findValuesAsText("ruleId");
        // signing, build and SDK rules pass on this build; what remains is the submission's own gaps
        assertThat(rules).doesNotContain("SIGN-01-INVALID", "SIGN-03-DEBUG", "BUILD-01-TARGETSDK", "GATE-INCOMPLETE");
        assertThat(rules).contains("META-02-NO-FILING");
        given().get("/api/v1/verdicts/" + id).then().statusCode(200)
                .body("decision", equalTo(d.get("decision").asText())).body("packageName", equalTo("com.example.clean"))
                .body("signerSha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                // stored as a JSON array (not a JSON string holding one), so SQL can search findings by rule id
                .body("findings[0].ruleId", org.hamcrest.Matchers.notNullValue());

        String sarif = given().get("/api/v1/verdicts/" + id + "/report?format=sarif").then().statusCode(200)
                .contentType("application/sarif+json").extract().asString();
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/sarif/sarif-2.1.0.json"))) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            assertThat(schema.validate(StackClient.JSON.readTree(sarif))).isEmpty();
        }
        assertThat(sarif).contains("META-02-NO-FILING");
        String html = given().get("/api/v1/verdicts/" + id + "/report?format=html").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .extract().asString();
        assertThat(html).contains("com.example.clean").contains("META-02-NO-FILING").doesNotContain("<script");
        given().get("/api/v1/verdicts/" + id + "/report?format=pdf").then().statusCode(400)
                .body("code", equalTo("INVALID_FORMAT"));
    }

    static byte[] cleanApk(String pkg, int versionCode, TestSigner key) throws Exception {
        byte[] unsigned = ApkFixtureBuilder.apk()
                .manifest(AxmlWriter.element("manifest").attr("package", pkg).android("versionCode", versionCode)
                        .android("versionName", "1." + versionCode)
                        .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 24).android("targetSdkVersion", 33))
                        .child(AxmlWriter.element("application").android("label", "Clean Tool")
                                .android("allowBackup", false)))
                .build();
        return key.sign(unsigned, 24);
    }

    /** A complete, filed submission for a tool app aimed at adults: nothing in it should cost a finding. */
    String submitComplete(byte[] apk, String pkg, int versionCode, String filedCert) throws Exception {
        String id = "it-" + UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        ObjectNode ev = stack.uploadEvent(id, pkg, key, apk);
        ObjectNode data = (ObjectNode) ev.get("data");
        data.put("versionCode", versionCode).put("appName", "Clean Tool").put("basicFunction", "计算器");
        ((ObjectNode) data.get("developer")).put("piContact", "privacy@example.com");
        data.putObject("privacyPolicy").put("url", "https://example.com/privacy").put("language", "zh-Hans");
        data.putObject("filing").put("number", "京ICP备2024000001号-1A").put("certSha256", filedCert);
        stack.publish("store.uploads", pkg, ev.toString());
        return id;
    }

    /** Version {@code vc} of {@code pkg}, clean and filed, signed by {@code key}: the decision event's data. */
    JsonNode decideClean(String pkg, int vc, TestSigner key) throws Exception {
        return stack.awaitDecision(submitComplete(cleanApk(pkg, vc, key), pkg, vc, key.certSha256()), WAIT).get("data");
    }

    @Test
    void shouldAcceptCleanUpdateBySameKey_andRejectUpdateSignedByAnotherKey() throws Exception {
        String pkg = "com.example.continuity" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        TestSigner owner = TestSigner.rsa("CN=Owner, O=Example, C=CN", 2048);
        TestSigner attacker = TestSigner.rsa("CN=Owner, O=Example, C=CN", 2048);

        JsonNode v1 = decideClean(pkg, 1, owner);
        assertThat(v1.get("decision").asText()).as(v1.get("findings").toString()).isEqualTo("ACCEPT");

        JsonNode v2 = decideClean(pkg, 2, attacker);
        assertThat(v2.get("decision").asText()).isEqualTo("REJECT");
        JsonNode changed = null;
        for (JsonNode f : v2.get("findings")) {
            if (f.get("ruleId").asText().equals("SIGN-02-CERT-CHANGED")) {
                changed = f;
            }
        }
        assertThat(changed).as(v2.get("findings").toString()).isNotNull();
        assertThat(changed.get("evidence").toString()).contains(owner.certSha256()).contains(attacker.certSha256());

        JsonNode v3 = decideClean(pkg, 3, owner);
        assertThat(v3.get("decision").asText()).as(v3.get("findings").toString()).isEqualTo("ACCEPT");
    }

    /**
     * Out of order: version 2 arrives (and is accepted) before version 1. Continuity is judged against the newest
     * accepted versionCode, not the latest arrival: the late v1 by another key is compared with v2's key (SIGN-02),
     * and the later v3 by the owner is compared with v2 again (ACCEPT) — the late, rejected v1 changes nothing.
     */
    @Test
    void shouldJudgeContinuityAgainstTheNewestAcceptedVersionCodeWhenUploadsArriveOutOfOrder() throws Exception {
        String pkg = "com.example.ooo" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        TestSigner owner = TestSigner.rsa("CN=Owner, O=Example, C=CN", 2048);
        TestSigner other = TestSigner.rsa("CN=Owner, O=Example, C=CN", 2048);

        JsonNode v2 = decideClean(pkg, 2, owner);
        assertThat(v2.get("decision").asText()).as(v2.get("findings").toString()).isEqualTo("ACCEPT");

        JsonNode lateV1 = decideClean(pkg, 1, other);
        assertThat(lateV1.get("decision").asText()).isEqualTo("REJECT");
        assertThat(lateV1.get("findings").toString()).contains("SIGN-02-CERT-CHANGED").contains(owner.certSha256());

        JsonNode v3 = decideClean(pkg, 3, owner);
        assertThat(v3.get("decision").asText()).as(v3.get("findings").toString()).isEqualTo("ACCEPT");
    }

    @Test
    void shouldRejectUnsignedApkNamingTheRuleClauseAndFix() throws Exception {
        byte[] unsigned = ApkFixtureBuilder.apk().manifest(ApkFixtureBuilder.minimalManifest("com.example.unsigned")).build();
        String id = submit(unsigned, "com.example.unsigned");

        JsonNode d = stack.awaitDecision(id, WAIT).get("data");

        assertThat(d.get("decision").asText()).isEqualTo("REJECT");
        JsonNode sign = null;
        for (JsonNode f : d.get("findings")) {
            if (f.get("ruleId").asText().equals("SIGN-01-INVALID")) {
                sign = f;
            }
        }
        assertThat(sign).as("SIGN-01-INVALID finding").isNotNull();
        assertThat(sign.get("outcome").asText()).isEqualTo("REJECT");
        assertThat(sign.get("message").get("zh").asText()).isNotBlank();
        assertThat(sign.get("fix").get("en").asText()).contains("apksigner");
    }

    @Test
    void shouldRejectWhenDigestDoesNotMatchTheEvent() throws Exception {
        byte[] apk = zip("AndroidManifest.xml", "x");
        String id = "it-" + UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        ObjectNode ev = stack.uploadEvent(id, "com.example.digest", key, apk);
        ((ObjectNode) ev.get("data").get("object")).put("sha256", "0".repeat(64));
        stack.publish("store.uploads", "com.example.digest", ev.toString());

        JsonNode d = stack.awaitDecision(id, WAIT).get("data");

        assertThat(d.get("decision").asText()).isEqualTo("REJECT");
        assertThat(d.get("findings").get(0).get("ruleId").asText()).isEqualTo("GATE-ARTIFACT-DIGEST_MISMATCH");
        assertThat(d.get("findings").get(0).get("message").get("en").asText()).contains("0".repeat(64));
    }

    @Test
    void shouldRejectZipBombWithTheReason() throws Exception {
        String id = submit(zipBomb(), "com.example.bomb");

        JsonNode d = stack.awaitDecision(id, WAIT).get("data");

        assertThat(d.get("decision").asText()).isEqualTo("REJECT");
        assertThat(d.get("findings").toString()).contains("ZIP_RATIO_EXCEEDED");
    }

    @Test
    void shouldSendSchemaInvalidEventToDlqWithReason() throws Exception {
        String marker = "bad-" + UUID.randomUUID();
        stack.publish("store.uploads", marker, "{\"specversion\":\"1.0\",\"id\":\"" + marker + "\",\"data\":{}}");

        List<ConsumerRecord<String, String>> dlq = stack.read("store.uploads.dlq",
                r -> r.value().contains(marker), 1, WAIT);

        assertThat(dlq).hasSize(1);
        String reason = new String(dlq.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("EVENT_SCHEMA_INVALID");
    }

    @Test
    void shouldDecideDuplicateDeliveryOnce() throws Exception {
        byte[] apk = zip("AndroidManifest.xml", "dup");
        String id = "it-" + UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        // a package of its own: the history endpoint below counts every verdict of the package, also earlier runs'
        String pkg = "com.example.dup" + id.substring(3, 11);
        String ev = stack.uploadEvent(id, pkg, key, apk).toString();
        stack.publish("store.uploads", pkg, ev);
        stack.publish("store.uploads", pkg, ev);
        stack.awaitDecision(id, WAIT);
        // a third delivery after the first decision must also be a no-op
        stack.publish("store.uploads", pkg, ev);

        List<ConsumerRecord<String, String>> decisions = stack.read("store.decisions",
                r -> r.value().contains("\"uploadId\":\"" + id + "\""), 10, Duration.ofSeconds(6));

        assertThat(decisions).hasSize(1);
        given().get("/api/v1/apps/" + pkg + "/verdicts").then().statusCode(200).body("size()", equalTo(1));
    }

    /**
     * The test profile sets mp.messaging.incoming.uploads.concurrency (GATE_UPLOADS_CONCURRENCY) to 2: two consumers of
     * the group in this one service, one per partition of the test stack's store.uploads, so every pipeline test here
     * runs with uploads analysed concurrently. With the default (1) one consumer holds both partitions.
     */
    @Test
    void shouldConsumeUploadsWithOneConsumerPerPartition() {
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(stack.partitionsPerConsumer("admission-gate", "store.uploads")).containsExactly(1, 1));
    }

    @Test
    void shouldAnswerProblemJsonForUnknownVerdict() {
        given().get("/api/v1/verdicts/does-not-exist").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("VERDICT_NOT_FOUND"));
        given().get("/api/v1/apps/not a package/verdicts").then().statusCode(400)
                .body("code", equalTo("INVALID_PACKAGE"));
    }

    @Test
    void shouldReportReadinessOfKafkaPostgresAndS3() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("s3"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("gate_events_consumed_total");
    }

    static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }
}
