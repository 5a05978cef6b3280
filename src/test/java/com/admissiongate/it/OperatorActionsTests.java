package com.admissiongate.it;

import com.admissiongate.testkit.TestSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Reviewer actions over REST against the real stack: override, waive, deadline, re-scan (a changed outcome is a new
 * decision event with reason RESCAN) and a registered signing-key change that lets the next upload signed by the new
 * key through SIGN-02, while any other key is still rejected. Every action is checked in the audit log.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class OperatorActionsTests extends StackTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    static RequestSpecification as(String role) {
        return given().auth().oauth2(JwtTestKeys.token(role)).contentType("application/json");
    }

    static JsonPath audit(String target, String action) {
        return as("admin").get("/api/v1/audit?target=" + target + "&action=" + action).then().statusCode(200)
                .extract().jsonPath();
    }

    String decided(String pkg) throws Exception {
        byte[] apk = PipelineTests.cleanSignedApk(pkg);
        String id = "ops-" + UUID.randomUUID();
        stack.put("apk/" + id + ".apk", apk);
        stack.publish("store.uploads", pkg, stack.uploadEvent(id, pkg, "apk/" + id + ".apk", apk).toString());
        stack.awaitDecision(id, WAIT);
        return id;
    }

    @Test
    void overrideThenRescanRestoresTheRuleOutcome_asANewRevisionWithReasonRescan() throws Throwable {
        String id = decided("com.example.rescan" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000));
        String original = as("viewer").get("/api/v1/verdicts/" + id).then().statusCode(200).extract().path("decision");
        String other = original.equals("REJECT") ? "ACCEPT" : "REJECT";

        as("reviewer").body("{\"decision\":\"" + other + "\",\"reason\":\"manual check\"}")
                .post("/api/v1/verdicts/" + id + "/override").then().statusCode(200)
                .body("decision", equalTo(other)).body("revision", equalTo(2)).body("overriddenBy", equalTo("test-user"))
                .body("reason", equalTo("OVERRIDE"));

        JsonPath r = as("reviewer").body("{\"mode\":\"re-evaluate\",\"reason\":\"check under the current pack\"}")
                .post("/api/v1/verdicts/" + id + "/rescan").then().statusCode(200).extract().jsonPath();
        assertThat(r.getBoolean("changed")).isTrue();
        assertThat(r.getString("mode")).isEqualTo("RE_EVALUATE");
        assertThat(r.getInt("revision")).isEqualTo(3);
        assertThat(r.getString("previousDecision")).isEqualTo(other);
        assertThat(r.getString("decision")).isEqualTo(original);

        List<ConsumerRecord<String, String>> events = stack.read("store.decisions",
                rec -> rec.value().contains("\"uploadId\":\"" + id + "\""), 3, Duration.ofSeconds(30));
        assertThat(events).hasSize(3);
        JsonNode third = StackClient.JSON.readTree(events.get(2).value());
        assertThat(PipelineTests.decisionSchema().validate(third)).isEmpty();
        assertThat(third.at("/data/reason").asText()).isEqualTo("RESCAN");
        assertThat(third.at("/data/revision").asInt()).isEqualTo(3);
        assertThat(third.at("/data/decision").asText()).isEqualTo(original);
        assertThat(third.at("/data/overriddenBy").isNull()).isTrue();

        // same facts, same pack: nothing changes, no revision, but the re-scan is still audited
        as("reviewer").body("{\"mode\":\"re-evaluate\"}").post("/api/v1/verdicts/" + id + "/rescan").then()
                .statusCode(200).body("changed", equalTo(false)).body("revision", equalTo(3));
        as("reviewer").body("{\"mode\":\"re-analyze\",\"reason\":\"analyzer fix\"}").post("/api/v1/verdicts/" + id + "/rescan")
                .then().statusCode(200).body("mode", equalTo("RE_ANALYZE")).body("changed", equalTo(false))
                .body("revision", equalTo(3));
        JsonPath audit = audit("upload:" + id, "RESCAN");
        assertThat(audit.getList("items.after.mode", String.class)).containsExactly("RE_ANALYZE", "RE_EVALUATE", "RE_EVALUATE");
        assertThat(audit.getList("items.after.changed", Boolean.class)).containsExactly(false, false, true);
        assertThat(audit.getString("items[2].reason")).isEqualTo("check under the current pack");
        assertThat(audit.getString("items[2].before.decision")).isEqualTo(other);
        assertThat(audit("upload:" + id, "OVERRIDE_DECISION").getString("items[0].reason")).isEqualTo("manual check");
        as("viewer").get("/api/v1/verdicts/" + id + "/revisions").then().statusCode(200)
                .body("reason", equalTo(List.of("UPLOAD", "OVERRIDE", "RESCAN")));

        as("reviewer").body("{\"mode\":\"re-think\"}").post("/api/v1/verdicts/" + id + "/rescan").then()
                .statusCode(400).body("code", equalTo("INVALID_MODE"));
        as("reviewer").body("{\"mode\":\"re-evaluate\"}").post("/api/v1/verdicts/nope-" + UUID.randomUUID() + "/rescan")
                .then().statusCode(404).body("code", equalTo("VERDICT_NOT_FOUND"));
        // a verdict without stored Facts cannot be re-evaluated
        String seeded = OperatorSeed.verdict("com.example.nofacts", "dev-x", "RECTIFY", false, Instant.now(), "META-02-NO-FILING").uploadId;
        as("reviewer").body("{\"mode\":\"re-evaluate\"}").post("/api/v1/verdicts/" + seeded + "/rescan").then()
                .statusCode(409).body("code", equalTo("FACTS_UNAVAILABLE"));
    }

    @Test
    void waiveAndDeadlineChangeTheVerdictAndAreAudited() throws Throwable {
        String id = OperatorSeed.verdict("com.example.waive", "dev-w", "RECTIFY", false, Instant.now(),
                "META-02-NO-FILING", "MINOR-01-NO-AUDIENCE").uploadId;
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(90);

        as("reviewer").body("{\"rectifyBy\":\"" + later + "\",\"reason\":\"developer asked for time\"}")
                .put("/api/v1/verdicts/" + id + "/deadline").then().statusCode(200)
                .body("rectifyBy", equalTo(later.toString())).body("revision", equalTo(2));
        assertThat(audit("upload:" + id, "DEADLINE_CHANGE").getString("items[0].after.rectifyBy")).isEqualTo(later.toString());

        as("reviewer").body("{\"reason\":\"filed offline, number checked by phone\"}")
                .post("/api/v1/verdicts/" + id + "/findings/META-02-NO-FILING/waive").then().statusCode(200)
                .body("revision", equalTo(3)).body("decision", equalTo("RECTIFY"))
                .body("findings.find { it.ruleId == 'META-02-NO-FILING' }.waived.by", equalTo("test-user"));
        as("reviewer").body("{\"reason\":\"audience set by phone\"}")
                .post("/api/v1/verdicts/" + id + "/findings/MINOR-01-NO-AUDIENCE/waive").then().statusCode(200)
                .body("decision", equalTo("ACCEPT")).body("rectifyBy", nullValue());
        assertThat(audit("upload:" + id, "OVERRIDE_FINDING").getList("items.after.waivedRuleId", String.class))
                .containsExactly("MINOR-01-NO-AUDIENCE", "META-02-NO-FILING");

        as("reviewer").body("{\"reason\":\"again\"}").post("/api/v1/verdicts/" + id + "/findings/META-02-NO-FILING/waive")
                .then().statusCode(409).body("code", equalTo("FINDING_NOT_FOUND"));
        as("reviewer").body("{\"rectifyBy\":\"" + later + "\",\"reason\":\"x\"}").put("/api/v1/verdicts/" + id + "/deadline")
                .then().statusCode(409).body("code", equalTo("NOT_RECTIFY"));
        as("reviewer").body("{\"rectifyBy\":\"2001-01-01\",\"reason\":\"x\"}").put("/api/v1/verdicts/" + id + "/deadline")
                .then().statusCode(400).body("code", equalTo("DEADLINE_IN_PAST"));
        as("reviewer").body("{\"rectifyBy\":\"soon\",\"reason\":\"x\"}").put("/api/v1/verdicts/" + id + "/deadline")
                .then().statusCode(400).body("code", equalTo("INVALID_DATE"));
        as("reviewer").body("{\"decision\":\"MAYBE\",\"reason\":\"x\"}").post("/api/v1/verdicts/" + id + "/override")
                .then().statusCode(400).body("code", equalTo("INVALID_DECISION"));
        as("reviewer").body("{\"decision\":\"REJECT\",\"reason\":\"  \"}").post("/api/v1/verdicts/" + id + "/override")
                .then().statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        as("reviewer").body("{not json").post("/api/v1/verdicts/" + id + "/override")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Filed, complete submission of a tool app (PipelineTests.submitComplete): nothing in it costs a finding. */
    String submitComplete(byte[] apk, String pkg, int versionCode, String filedCert) throws Exception {
        String id = "ops-" + UUID.randomUUID();
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

    static List<String> rules(JsonNode decision) {
        return decision.get("findings").findValuesAsText("ruleId");
    }

    @Test
    void aRegisteredKeyChangeLetsTheNewKeyThrough_andOnlyThatKey() throws Exception {
        String pkg = "com.example.rekey" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        TestSigner owner = TestSigner.rsa("CN=Owner, O=Example, C=CN", 2048);
        TestSigner newKey = TestSigner.rsa("CN=Owner 2025, O=Example, C=CN", 2048);
        TestSigner stranger = TestSigner.rsa("CN=Owner, O=Example, C=CN", 2048);

        JsonNode v1 = stack.awaitDecision(submitComplete(PipelineTests.cleanApk(pkg, 1, owner), pkg, 1, owner.certSha256()), WAIT).get("data");
        assertThat(v1.get("decision").asText()).as(v1.get("findings").toString()).isEqualTo("ACCEPT");

        // registered for newKey: an upload signed by a stranger is still a certificate change
        as("reviewer").body("{\"newCertSha256\":\"" + newKey.certSha256() + "\",\"reason\":\"key lost; ticket 4711\"}")
                .post("/api/v1/apps/" + pkg + "/signing-key-changes").then().statusCode(201)
                .body("packageName", equalTo(pkg)).body("newCertSha256", equalTo(newKey.certSha256()))
                .body("registeredBy", equalTo("test-user"));
        JsonNode byStranger = stack.awaitDecision(submitComplete(PipelineTests.cleanApk(pkg, 2, stranger), pkg, 2,
                stranger.certSha256()), WAIT).get("data");
        assertThat(byStranger.get("decision").asText()).isEqualTo("REJECT");
        assertThat(rules(byStranger)).contains("SIGN-02-CERT-CHANGED");

        JsonNode v2 = stack.awaitDecision(submitComplete(PipelineTests.cleanApk(pkg, 3, newKey), pkg, 3, newKey.certSha256()), WAIT)
                .get("data");
        assertThat(rules(v2)).doesNotContain("SIGN-02-CERT-CHANGED");
        assertThat(v2.get("decision").asText()).as(v2.get("findings").toString()).isEqualTo("ACCEPT");

        // the registration served its purpose: newKey is now the listed signer, and the old key is a change again
        JsonNode back = stack.awaitDecision(submitComplete(PipelineTests.cleanApk(pkg, 4, owner), pkg, 4, owner.certSha256()), WAIT)
                .get("data");
        assertThat(rules(back)).contains("SIGN-02-CERT-CHANGED");

        JsonPath audit = audit("package:" + pkg, "SIGNING_KEY_CHANGE");
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getString("items[0].reason")).isEqualTo("key lost; ticket 4711");
        assertThat(audit.getString("items[0].before.listedSignerSha256")).isEqualTo(owner.certSha256());
        assertThat(audit.getString("items[0].after.newCertSha256")).isEqualTo(newKey.certSha256());

        as("reviewer").body("{\"newCertSha256\":\"xyz\",\"reason\":\"r\"}").post("/api/v1/apps/" + pkg + "/signing-key-changes")
                .then().statusCode(400).body("code", equalTo("INVALID_CERT_SHA256"));
        as("reviewer").body("{\"newCertSha256\":\"" + newKey.certSha256() + "\"}").post("/api/v1/apps/" + pkg + "/signing-key-changes")
                .then().statusCode(400).body("code", equalTo("REASON_REQUIRED"));
    }

    @Test
    void auditIsPagedWithACursorAndValidatesItsFilters() throws Throwable {
        String pkg = "com.example.auditpage" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        for (int i = 0; i < 3; i++) {
            as("reviewer").body("{\"newCertSha256\":\"" + "a".repeat(63) + i + "\",\"reason\":\"r" + i + "\"}")
                    .post("/api/v1/apps/" + pkg + "/signing-key-changes").then().statusCode(201);
        }
        JsonPath p1 = as("admin").get("/api/v1/audit?target=package:" + pkg + "&limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(p1.getList("items.reason", String.class)).containsExactly("r2", "r1");
        JsonPath p2 = as("admin").get("/api/v1/audit?target=package:" + pkg + "&limit=2&cursor=" + p1.getString("nextCursor"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(p2.getList("items.reason", String.class)).containsExactly("r0");
        assertThat(p2.getString("nextCursor")).isNull();
        as("admin").get("/api/v1/audit?action=DELETE_EVERYTHING").then().statusCode(400).body("code", equalTo("INVALID_ACTION"));
        as("admin").get("/api/v1/audit?cursor=abcd").then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        as("admin").get("/api/v1/audit?target=nonsense").then().statusCode(400).body("code", equalTo("INVALID_TARGET"));
    }
}
