package com.admissiongate.it;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/v1/verdicts filters and keyset paging, and /revisions, against rows in the real Postgres. */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerdictSearchTests {

    // unique per run: the test database keeps rows of earlier runs; decided in the past so "latest N" stays real
    final String dev = "dev-" + UUID.randomUUID().toString().substring(0, 8);
    final String pkg = "com.example.search" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
    final Instant t0 = Instant.parse("2001-03-01T10:00:00Z").plus(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1000), ChronoUnit.DAYS);
    final List<String> ids = new ArrayList<>();

    @BeforeAll
    void seed() throws Throwable {
        // newest first: ids.get(0) is the newest
        ids.add(OperatorSeed.verdict(pkg, dev, "REJECT", true, t0.plusSeconds(50), "SIGN-02-CERT-CHANGED", "META-02-NO-FILING").uploadId);
        ids.add(OperatorSeed.verdict(pkg, dev, "RECTIFY", false, t0.plusSeconds(40), "META-02-NO-FILING").uploadId);
        ids.add(OperatorSeed.verdict(pkg, dev, "ACCEPT", false, t0.plusSeconds(30)).uploadId);
        // same decided_at as the next one: the id breaks the tie, no row is skipped or repeated across pages
        String older = OperatorSeed.verdict(pkg, dev, "RECTIFY", false, t0.plusSeconds(20), "META-02-NO-FILING").uploadId;
        ids.add(OperatorSeed.verdict(pkg, dev, "RECTIFY", true, t0.plusSeconds(20), "MINOR-01-NO-AUDIENCE").uploadId);
        ids.add(older);
        ids.add(OperatorSeed.verdict(pkg + "x", dev, "REJECT", false, t0.plusSeconds(10), "SIGN-02-CERT-CHANGED").uploadId);
    }

    ValidatableResponse search(String query) {
        return given().auth().oauth2(JwtTestKeys.token("viewer")).get("/api/v1/verdicts?" + query).then();
    }

    List<String> uploadIds(String query) {
        return search(query).statusCode(200).extract().jsonPath().getList("items.uploadId", String.class);
    }

    @Test
    void filtersEachFieldNewestFirst() {
        assertThat(uploadIds("developer=" + dev)).containsExactlyElementsOf(ids);
        assertThat(uploadIds("package=" + pkg)).containsExactlyElementsOf(ids.subList(0, 5));
        assertThat(uploadIds("developer=" + dev + "&decision=RECTIFY")).containsExactly(ids.get(1), ids.get(3), ids.get(4));
        assertThat(uploadIds("developer=" + dev + "&ruleId=META-02-NO-FILING")).containsExactly(ids.get(0), ids.get(1), ids.get(4));
        assertThat(uploadIds("developer=" + dev + "&ruleId=SIGN-02-CERT-CHANGED&package=" + pkg)).containsExactly(ids.get(0));
        assertThat(uploadIds("developer=" + dev + "&minorsTargeted=true")).containsExactly(ids.get(0), ids.get(3));
        assertThat(uploadIds("developer=" + dev + "&from=" + t0.plusSeconds(20) + "&to=" + t0.plusSeconds(40)))
                .containsExactly(ids.get(2), ids.get(3), ids.get(4));
    }

    @Test
    void pagesWithAnOpaqueCursorWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = search("developer=" + dev + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.uploadId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids);
        search("developer=" + dev + "&limit=6").statusCode(200).body("nextCursor", nullValue());
    }

    @Test
    void refusesBadInputWithStableCodes() {
        search("cursor=not-a-cursor").statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_CURSOR"));
        search("decision=MAYBE").statusCode(400).body("code", equalTo("INVALID_DECISION"));
        search("limit=0").statusCode(400).body("code", equalTo("INVALID_LIMIT"));
        search("limit=201").statusCode(400).body("code", equalTo("INVALID_LIMIT"));
        search("from=yesterday").statusCode(400).body("code", equalTo("INVALID_DATE"));
        search("from=2030-01-02&to=2030-01-01").statusCode(400).body("code", equalTo("INVALID_DATE"));
        search("ruleId=' or 1=1 --").statusCode(400).body("code", equalTo("INVALID_RULE_ID"));
        search("package=..").statusCode(400).body("code", equalTo("INVALID_PACKAGE"));
        search("minorsTargeted=yes").statusCode(400).body("code", equalTo("INVALID_BOOLEAN"));
        search("developer=a%20b").statusCode(400).body("code", equalTo("INVALID_DEVELOPER"));
    }

    @Test
    void revisionsListEveryPublishedDecisionOfAnUpload() {
        given().auth().oauth2(JwtTestKeys.token("viewer")).get("/api/v1/verdicts/" + ids.get(1) + "/revisions").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].revision", equalTo(1))
                .body("[0].decision", equalTo("RECTIFY")).body("[0].reason", equalTo("UPLOAD"))
                .body("[0].findings[0].ruleId", equalTo("META-02-NO-FILING"));
        given().auth().oauth2(JwtTestKeys.token("viewer")).get("/api/v1/verdicts/no-such-upload/revisions").then()
                .statusCode(404).body("code", equalTo("VERDICT_NOT_FOUND"));
    }
}
