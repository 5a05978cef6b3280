package com.admissiongate.it;

import com.admissiongate.analysis.PackActivation;
import com.admissiongate.analysis.PackRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Rule packs over REST against the real stack: inspect, validate (hostile zips refused), store, dry-run against real
 * verdicts, activate (audited, this replica switches and fires PackActivated), and an activation written by another
 * replica picked up by polling.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulePackApiTests {

    /** Counted from the shipped pack, so a new rule does not break these tests. */
    static final int BUNDLED_RULES = loadBundledRuleCount();

    static int loadBundledRuleCount() {
        try {
            return new com.admissiongate.policy.RulePackLoader().loadFromClasspath("policies/cn-app-pi").rules().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    static final String BASE = "/api/v1/rule-packs";
    StackClient stack;

    @Inject
    PackRegistry registry;

    @Inject
    PackActivatedRecorder recorder;

    @BeforeAll
    void connect() {
        stack = new StackClient();
    }

    @AfterAll
    void restoreBundledPack() throws Throwable {
        activateDirectly(registry.bundled().version());
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.serving().version().equals(registry.bundled().version()));
        stack.close();
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(JwtTestKeys.token(role));
    }

    /** What another replica's activation leaves behind: only the row in Postgres. */
    static void activateDirectly(String version) throws Throwable {
        PackActivation a = new PackActivation();
        a.version = version;
        a.activatedBy = "other-replica-admin";
        a.activatedAt = Instant.now();
        a.reason = "test: activated through another replica";
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(a::persist));
    }

    @Test
    void listsTheBundledPack_showsItsRules_andARuleWithItsSamples() {
        String bundled = registry.bundled().version();
        JsonPath list = as("viewer").get(BASE).then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("find { it.version == '" + bundled + "' }.source")).isEqualTo("bundled");
        assertThat(list.getInt("find { it.version == '" + bundled + "' }.ruleCount")).isEqualTo(BUNDLED_RULES);

        as("viewer").get(BASE + "/" + bundled).then().statusCode(200).body("version", equalTo(bundled))
                .body("name", equalTo("cn-app-pi")).body("rules.size()", equalTo(BUNDLED_RULES))
                .body("rules.id", hasItem("SIGN-02-CERT-CHANGED"));
        JsonPath rule = as("viewer").get(BASE + "/" + bundled + "/rules/SIGN-02-CERT-CHANGED").then().statusCode(200)
                .extract().jsonPath();
        assertThat(rule.getString("file")).isEqualTo("SIGN-02-CERT-CHANGED.yaml");
        assertThat(rule.getString("rule.outcome")).isEqualTo("REJECT");
        assertThat(rule.getString("rule.violation")).contains("keyChangeRegistered");
        assertThat(rule.getList("samples.case", String.class)).contains("pass-key-change-registered");
        assertThat(rule.getBoolean("samples.find { it.case == 'pass-key-change-registered' }.patches.history.keyChangeRegistered"))
                .isTrue();

        as("viewer").get(BASE + "/" + bundled + "/rules/NOPE-1").then().statusCode(404).body("code", equalTo("RULE_NOT_FOUND"));
        as("viewer").get(BASE + "/cn-app-pi@9.9.9+sha256:00000000").then().statusCode(404).body("code", equalTo("PACK_NOT_FOUND"));
        as("viewer").get(BASE + "/bad%20version").then().statusCode(400).body("code", equalTo("INVALID_PACK_VERSION"));
    }

    @Test
    void validateRefusesHostileZipsWithStableCodes() throws Exception {
        // 20 MB of zeros deflate to ~20 KB: small on the wire, a bomb once inflated
        byte[] bomb = RulePackZips.zip(Map.of("pack.yaml", "name: x".getBytes(), "BOMB.yaml", new byte[20_000_000]));
        assertThat(bomb.length).isLessThan(100_000);
        validate(bomb).statusCode(400).contentType("application/problem+json").body("code", equalTo("PACK_ZIP_BOMB"));
        validate(RulePackZips.zip(Map.of("pack.yaml", "a".getBytes(), "../evil.yaml", "a".getBytes())))
                .statusCode(400).body("code", equalTo("PACK_UNSAFE_PATH"));
        validate(RulePackZips.zip(Map.of("/etc/cron.d/x.yaml", "a".getBytes()))).statusCode(400).body("code", equalTo("PACK_UNSAFE_PATH"));
        validate(RulePackZips.zip(Map.of("pack.yaml", "a".getBytes(), "run.sh", "rm -rf /".getBytes())))
                .statusCode(400).body("code", equalTo("PACK_UNEXPECTED_FILE"));
        validate("definitely not a zip".getBytes()).statusCode(400).body("code", equalTo("PACK_NOT_ZIP"));
        byte[] noise = new byte[2_200_000];
        new Random(7).nextBytes(noise);
        validate(noise).statusCode(413).body("code", equalTo("PACK_TOO_LARGE"));
    }

    @Test
    void validateListsEveryProblemOfAPackThatDoesNotCompile() throws Exception {
        var files = RulePackZips.edit(RulePackZips.bundledFiles(), "SIGN-03-DEBUG.yaml",
                y -> y.replaceFirst("violation: ", "violation: facts.signing.( && "));
        files.remove("UX-04-OVERLAY.yaml");
        JsonPath v = validate(RulePackZips.zip(files)).statusCode(200).extract().jsonPath();
        assertThat(v.getBoolean("valid")).isFalse();
        List<String> problems = v.getList("problems", String.class);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("SIGN-03-DEBUG.yaml: violation"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("UX-04-OVERLAY.yaml: listed in pack.yaml but missing"));
    }

    io.restassured.response.ValidatableResponse validate(byte[] zip) {
        return as("reviewer").contentType("application/zip").body(zip).post(BASE + "/validate").then();
    }

    @Test
    void storeDryRunAndActivate_thenAnotherReplicasActivationIsPickedUpByPolling() throws Throwable {
        // a verdict with META-02 decided by the bundled pack, with stored Facts
        byte[] apk = PipelineTests.cleanSignedApk("com.example.packs");
        String uploadId = "pack-" + UUID.randomUUID();
        stack.put("apk/" + uploadId + ".apk", apk);
        stack.publish("store.uploads", "com.example.packs", stack.uploadEvent(uploadId, "com.example.packs",
                "apk/" + uploadId + ".apk", apk).toString());
        JsonNode first = stack.awaitDecision(uploadId, Duration.ofSeconds(60)).get("data");
        assertThat(first.get("findings").findValuesAsText("ruleId")).contains("META-02-NO-FILING");

        String semver = "1.0.1-test." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        byte[] zip = RulePackZips.zip(RulePackZips.variant(semver, "META-02-NO-FILING"));
        JsonPath valid = validate(zip).statusCode(200).extract().jsonPath();
        assertThat(valid.getBoolean("valid")).as(valid.prettify()).isTrue();
        assertThat(valid.getInt("ruleCount")).isEqualTo(BUNDLED_RULES - 1);
        String version = valid.getString("version");
        assertThat(version).startsWith("cn-app-pi@" + semver + "+sha256:");

        as("admin").contentType("application/zip").body(zip).post(BASE).then().statusCode(201)
                .body("version", equalTo(version)).body("source", equalTo("uploaded")).body("uploadedBy", equalTo("test-user"));
        as("admin").contentType("application/zip").body(zip).post(BASE).then().statusCode(409).body("code", equalTo("PACK_EXISTS"));

        // the whole (test) catalog, not "the last 20": re-review tests run on a moved clock and leave verdicts decided
        // in the future, which would push this upload out of any small window
        JsonPath dry = as("reviewer").post(BASE + "/" + version + "/dry-run?last=1000").then().statusCode(200).extract().jsonPath();
        assertThat(dry.getString("version")).isEqualTo(version);
        assertThat(dry.getList("changes.uploadId", String.class)).contains(uploadId);
        assertThat(dry.getList("changes.find { it.uploadId == '" + uploadId + "' }.resolved", String.class))
                .containsExactly("META-02-NO-FILING");
        assertThat(dry.getString("changes.find { it.uploadId == '" + uploadId + "' }.from")).isEqualTo(first.get("decision").asText());
        assertThat(dry.getInt("evaluated") + dry.getInt("skipped")).isBetween(1, 1000);
        assertThat(dry.getInt("unchanged") + dry.getInt("changed")).isEqualTo(dry.getInt("evaluated"));
        as("reviewer").post(BASE + "/" + version + "/dry-run?last=0").then().statusCode(400).body("code", equalTo("INVALID_LAST"));
        // the dry run changed nothing
        as("viewer").get("/api/v1/verdicts/" + uploadId).then().statusCode(200).body("revision", equalTo(1));

        String before = registry.serving().version();
        int eventsBefore = recorder.events.size();
        as("admin").contentType("application/json").body("{}").post(BASE + "/" + version + "/activate").then()
                .statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        as("admin").contentType("application/json").body("{\"reason\":\"drop META-02 while the filing system is down\"}")
                .post(BASE + "/" + version + "/activate").then().statusCode(200)
                .body("version", equalTo(version)).body("activatedBy", equalTo("test-user"));

        await().atMost(Duration.ofSeconds(30)).until(() -> registry.serving().version().equals(version));
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.events.size() > eventsBefore);
        assertThat(recorder.events.get(recorder.events.size() - 1)).satisfies(e -> {
            assertThat(e.version()).isEqualTo(version);
            assertThat(e.previousVersion()).isEqualTo(before);
            assertThat(e.activatedBy()).isEqualTo("test-user");
        });
        JsonPath packs = as("viewer").get(BASE).then().statusCode(200).extract().jsonPath();
        assertThat(packs.getBoolean("find { it.version == '" + version + "' }.active")).isTrue();
        assertThat(packs.getBoolean("find { it.version == '" + version + "' }.serving")).isTrue();
        assertThat(packs.getBoolean("find { it.version == '" + before + "' }.active")).isFalse();
        as("admin").get("/api/v1/audit?action=PACK_ACTIVATION&target=pack:" + version).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].actor", equalTo("test-user"))
                .body("items[0].reason", equalTo("drop META-02 while the filing system is down"))
                .body("items[0].before.version", equalTo(before)).body("items[0].after.version", equalTo(version));

        // the pipeline now decides with the activated pack
        String second = "pack-" + UUID.randomUUID();
        stack.put("apk/" + second + ".apk", apk);
        stack.publish("store.uploads", "com.example.packs", stack.uploadEvent(second, "com.example.packs",
                "apk/" + second + ".apk", apk).toString());
        JsonNode d2 = stack.awaitDecision(second, Duration.ofSeconds(60)).get("data");
        assertThat(d2.get("rulePackVersion").asText()).isEqualTo(version);
        assertThat(d2.get("findings").findValuesAsText("ruleId")).doesNotContain("META-02-NO-FILING");

        // another replica activates the bundled pack: this one follows by polling, without any call to it
        activateDirectly(registry.bundled().version());
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.serving().version().equals(registry.bundled().version()));
        assertThat(recorder.events.get(recorder.events.size() - 1).activatedBy()).isEqualTo("other-replica-admin");
    }
}
