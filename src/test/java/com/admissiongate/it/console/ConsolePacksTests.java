package com.admissiongate.it.console;

import com.admissiongate.it.JwtTestKeys;
import com.admissiongate.it.StackClient;
import com.admissiongate.testkit.TestSigner;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule-pack page over HTTP against the real stack: every rule's samples, and the admin's dry-run of a stored
 * candidate and of an uploaded zip, which must report exactly what the API's dry-run reports.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ConsolePacksTests {

    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static StackClient stack;
    /** A real upload without a filing: its verdict has META-02-NO-FILING, which the candidate packs drop. */
    static String unfiled;

    static String bearer(String role) {
        return "Bearer " + TOKENS.computeIfAbsent(role, r -> ConsoleFixtures.token("packs-" + r, r));
    }

    static Document page(String role, String path) {
        Response r = given().header("Authorization", bearer(role)).get(path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return Jsoup.parse(r.asString());
    }

    @BeforeAll
    static void upload() throws Exception {
        stack = new StackClient();
        String pkg = "com.example.packs" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        byte[] apk = ConsoleBrowserTests.apk(pkg, 1, "Packs", TestSigner.rsa("CN=Packs, O=Example, C=CN", 2048));
        unfiled = "pk-" + UUID.randomUUID();
        stack.put("apk/" + unfiled + ".apk", apk);
        stack.publish("store.uploads", pkg, stack.uploadEvent(unfiled, pkg, "apk/" + unfiled + ".apk", apk).toString());
        JsonNode d = stack.awaitDecision(unfiled, Duration.ofSeconds(120)).get("data");
        assertThat(d.get("findings").findValuesAsText("ruleId")).contains("META-02-NO-FILING");
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void showsEveryRulesSamples_withExpectedOutcome() {
        Document d = page("viewer", "/console/packs?lang=en");
        Element samples = d.selectFirst("#rule-BG-01-SELF-START td.samples");
        assertThat(samples.select("li").eachText()).containsExactly("pass → PASS", "warn-boot-disclosed → WARN WARN",
                "fail-boot-undisclosed → FAIL RECTIFY", "warn-user-present-receiver → WARN WARN");
        int shown = d.select("#rules td.samples li").size();
        assertThat(d.selectFirst("#sample-count").text()).isEqualTo(String.valueOf(shown));
        assertThat(shown).isGreaterThan(100);
        // no dry-run for viewers
        assertThat(d.select("#dry-run")).isEmpty();
        assertThat(page("reviewer", "/console/packs").select("#dry-run")).isEmpty();
    }

    @Test
    void adminDryRunsAStoredCandidate_likeTheApi() throws Exception {
        String semver = "1.2.1-console." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String version = given().header("Authorization", bearer("admin")).contentType("application/zip")
                .body(ConsoleFixtures.packZip(semver, "META-02-NO-FILING")).post("/api/v1/rule-packs")
                .then().statusCode(201).extract().jsonPath().getString("version");
        Document d = page("admin", "/console/packs?lang=en");
        assertThat(d.select("#dry-run-version option").eachAttr("value")).contains(version);
        String csrf = d.selectFirst("#dry-run-stored input[name=csrf]").val();

        Response r = given().header("Authorization", bearer("admin")).formParam("csrf", csrf)
                .formParam("version", version).formParam("last", "1000").post("/console/packs/dry-run?lang=en");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        JsonPath api = given().header("Authorization", bearer("admin"))
                .post("/api/v1/rule-packs/" + version + "/dry-run?last=1000").then().statusCode(200).extract().jsonPath();
        assertSameAsApi(Jsoup.parse(r.asString()), api, version);
    }

    @Test
    void adminDryRunsAnUploadedZip_withoutStoringIt() throws Exception {
        String semver = "1.2.1-upload." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        byte[] zip = ConsoleFixtures.packZip(semver, "META-02-NO-FILING");
        String csrf = page("admin", "/console/packs").selectFirst("#dry-run-upload input[name=csrf]").val();
        Response r = given().header("Authorization", bearer("admin")).multiPart("csrf", csrf)
                .multiPart("pack", "candidate.zip", zip, "application/zip").multiPart("last", "1000")
                .post("/console/packs/dry-run-upload?lang=en");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Document d = Jsoup.parse(r.asString());
        assertThat(d.selectFirst("#dry-run-summary").text()).startsWith("Dry-run of uploaded cn-app-pi@" + semver + "+sha256:");
        Element row = changeRow(d, unfiled);
        assertThat(row.select("td").get(4).text()).isEqualTo("META-02-NO-FILING");
        // nothing stored
        String version = d.selectFirst("#dry-run-summary").text().replaceAll(".*(cn-app-pi@\\S+):.*", "$1");
        given().header("Authorization", bearer("admin")).get("/api/v1/rule-packs/" + version).then().statusCode(404);
    }

    @Test
    void refusesBadInput_withTheProblem() throws Exception {
        String csrf = page("admin", "/console/packs").selectFirst("#dry-run-upload input[name=csrf]").val();
        Response notZip = given().header("Authorization", bearer("admin")).multiPart("csrf", csrf)
                .multiPart("pack", "x.zip", "not a zip".getBytes(), "application/zip").post("/console/packs/dry-run-upload?lang=en");
        assertThat(notZip.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(notZip.asString()).selectFirst("#dry-run-error").text()).startsWith("PACK_NOT_ZIP");
        Response unknown = given().header("Authorization", bearer("admin")).formParam("csrf", csrf)
                .formParam("version", "cn-app-pi@0.0.0-none").post("/console/packs/dry-run?lang=en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.asString()).selectFirst("#dry-run-error").text())
                .isEqualTo("PACK_NOT_FOUND: no rule pack cn-app-pi@0.0.0-none");
        Response badLast = given().header("Authorization", bearer("admin")).formParam("csrf", csrf)
                .formParam("version", "x").formParam("last", "0").post("/console/packs/dry-run?lang=en");
        assertThat(badLast.statusCode()).isEqualTo(422);
        // the same form without the session's token
        given().header("Authorization", bearer("admin")).formParam("csrf", "forged").formParam("version", "x")
                .post("/console/packs/dry-run").then().statusCode(403);
    }

    @Test
    void refusesDryRunsToViewerAndReviewer_withTheirOwnValidCsrf() throws Exception {
        byte[] zip = ConsoleFixtures.packZip("1.2.1-refused", "META-02-NO-FILING");
        for (String role : List.of("viewer", "reviewer")) {
            String csrf = ConsoleSecurityTests.csrfOf(given().header("Authorization", bearer(role))
                    .get("/console/packs").asString());
            Response stored = given().header("Authorization", bearer(role)).formParam("csrf", csrf)
                    .formParam("version", "cn-app-pi@1.2.0").post("/console/packs/dry-run?lang=en");
            Response upload = given().header("Authorization", bearer(role)).multiPart("csrf", csrf)
                    .multiPart("pack", "candidate.zip", zip, "application/zip").post("/console/packs/dry-run-upload?lang=en");
            for (Response r : List.of(stored, upload)) {
                assertThat(r.statusCode()).as(role).isEqualTo(403);
                assertThat(Jsoup.parse(r.asString()).selectFirst("#problem-title").text()).isEqualTo("Not allowed");
            }
        }
    }

    static Element changeRow(Document d, String uploadId) {
        Element link = d.selectFirst("#dry-run-changes a[href=/console/verdicts/" + uploadId + "]");
        assertThat(link).as("dry-run row of " + uploadId).isNotNull();
        return link.closest("tr");
    }

    static void assertSameAsApi(Document d, JsonPath api, String version) {
        assertThat(d.selectFirst("#dry-run-summary").text()).isEqualTo("Dry-run of " + version + ": "
                + api.getInt("changed") + " verdicts would change (decision or findings)");
        assertThat(d.selectFirst("#dry-run-changed").text()).isEqualTo(String.valueOf(api.getInt("changed")));
        List<String> rows = d.select("#dry-run-changes tbody tr td:first-child").eachText();
        assertThat(rows).isEqualTo(api.getList("changes.uploadId", String.class));
        Element row = changeRow(d, unfiled);
        assertThat(row.selectFirst("td.transition").text()).isEqualTo(
                api.getString("changes.find { it.uploadId == '" + unfiled + "' }.from") + " → "
                        + api.getString("changes.find { it.uploadId == '" + unfiled + "' }.to"));
        assertThat(row.select("td").get(4).text()).isEqualTo("META-02-NO-FILING");
    }
}
