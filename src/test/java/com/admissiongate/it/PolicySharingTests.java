package com.admissiongate.it;

import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.TestSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * MP-1 "same policy as another developer's" end to end: policies uploaded next to the APK (privacyPolicy.objectKey),
 * hashes recorded in policy_upload, the second developer's upload judged against the first's.
 */
@QuarkusTest
@io.quarkus.test.common.WithTestResource(JwtTestKeys.class)
class PolicySharingTests extends StackTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String MP1 = "MP-1-NOT-INDEPENDENT";

    @Inject
    Pool pool;

    /** Names both apps of a test, so only the hash part of MP-1 can fire; the run id makes its hash unique. */
    static byte[] policy(String run) {
        return ("<html><body><h1>速算工具与记账工具隐私政策</h1><p>本政策适用于速算工具和记账工具（" + run + "）。</p>"
                + "<p>我们收集您的设备信息，用于保障账号安全。</p><p>如有问题请联系 privacy@example.com。</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] apk(String pkg, String label) throws Exception {
        byte[] unsigned = ApkFixtureBuilder.apk()
                .manifest(AxmlWriter.element("manifest").attr("package", pkg).android("versionCode", 1)
                        .android("versionName", "1.0")
                        .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 24).android("targetSdkVersion", 33))
                        .child(AxmlWriter.element("application").android("label", label).android("allowBackup", false)))
                .build();
        return TestSigner.rsa("CN=" + label + ", O=Example, C=CN", 2048).sign(unsigned, 24);
    }

    /** Uploads an app with the given policy bytes and waits for its decision event's data. */
    static JsonNode submit(String pkg, String appName, String developerId, String developerName, byte[] policy)
            throws Exception {
        return stack.submitWithPolicy(pkg, apk(pkg, appName), appName, developerId, developerName, policy, WAIT);
    }

    static JsonNode finding(JsonNode decision, String ruleId) {
        for (JsonNode f : decision.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void secondDeveloperUploadingTheSamePolicyGetsMp1NamingTheFirst() throws Exception {
        String run = UUID.randomUUID().toString();
        String first = "dev-a-" + run;
        String second = "dev-b-" + run;
        byte[] policy = policy(run);

        JsonNode a = submit("com.example.share.calc" + run.substring(0, 8), "速算工具", first, "甲开发者", policy);
        assertThat(finding(a, MP1)).as(a.get("findings").toString()).isNull();

        JsonNode b = submit("com.example.share.book" + run.substring(0, 8), "记账工具", second, "乙开发者", policy.clone());
        JsonNode mp1 = finding(b, MP1);
        assertThat(mp1).as(b.get("findings").toString()).isNotNull();
        assertThat(mp1.get("outcome").asText()).isEqualTo("RECTIFY");
        assertThat(mp1.get("evidence").toString())
                .contains("uploaded by 1 other developer(s)")
                .contains("other developer: " + first)
                .doesNotContain(second)
                .doesNotContain("policy names neither");
    }

    /**
     * A re-review judges the listed copy with the same policy history as its upload: without it MP-1 would resolve
     * on the next daily run and the copier's RECTIFY would be lifted by the re-review itself.
     */
    @Test
    void aReReviewOfTheCopiersListedAppKeepsMp1() throws Exception {
        String run = UUID.randomUUID().toString();
        byte[] policy = policy(run);
        submit("com.example.rr.calc" + run.substring(0, 8), "速算工具", "dev-a-" + run, "甲开发者", policy);
        String pkg = "com.example.rr.book" + run.substring(0, 8);
        JsonNode b = submit(pkg, "记账工具", "dev-b-" + run, "乙开发者", policy.clone());
        assertThat(finding(b, MP1)).as(b.get("findings").toString()).isNotNull();

        new ReReviewFixtures(pool, null).list(pkg, b.get("sha256").asText(), "LISTED", Instant.now());
        String admin = JwtTestKeys.token("admin");
        String id = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"package\":\"" + pkg + "\",\"reason\":\"MP-1 check\"}")
                .post("/api/v1/re-reviews").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean done = false;
        while (!done && System.nanoTime() < deadline) {
            Thread.sleep(200);
            done = given().auth().oauth2(admin).get("/api/v1/re-reviews/" + id).then().statusCode(200)
                    .extract().path("done");
        }
        given().auth().oauth2(admin).get("/api/v1/re-reviews/" + id).then().statusCode(200)
                .body("state", equalTo("DONE")).body("evaluated", equalTo(1)).body("failed", equalTo(0))
                .body("changed", equalTo(0));
        String findings = given().auth().oauth2(admin).get("/api/v1/verdicts/" + b.get("uploadId").asText())
                .then().statusCode(200).extract().asString();
        assertThat(findings).contains(MP1);
    }

    @Test
    void theSameDeveloperReusingItsPolicyForAnotherAppIsNotMp1() throws Exception {
        String run = UUID.randomUUID().toString();
        String dev = "dev-same-" + run;
        byte[] policy = policy(run);

        JsonNode a = submit("com.example.same.calc" + run.substring(0, 8), "速算工具", dev, "甲开发者", policy);
        assertThat(finding(a, MP1)).as(a.get("findings").toString()).isNull();
        JsonNode b = submit("com.example.same.book" + run.substring(0, 8), "记账工具", dev, "甲开发者", policy.clone());
        assertThat(finding(b, MP1)).as(b.get("findings").toString()).isNull();
    }
}
