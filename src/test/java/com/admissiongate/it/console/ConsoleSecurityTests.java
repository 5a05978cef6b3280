package com.admissiongate.it.console;

import com.admissiongate.it.JwtTestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Console access control, CSRF, security headers and escaping over plain HTTP against the real stack. */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ConsoleSecurityTests {

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    static String bearer(String role) {
        return "Bearer " + ConsoleFixtures.token("test-" + role, role);
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a csrf field in the page").isTrue();
        return m.group(1);
    }

    @Test
    void shouldRedirectToLogin_whenNoSession() {
        given().redirects().follow(false).get("/console/queue").then().statusCode(303)
                .header("Location", endsWith("/console/login"));
        given().redirects().follow(false).get("/console/verdicts/x-1").then().statusCode(303);
    }

    @Test
    void shouldRedirectToLoginAndDropCookie_whenSessionCookieIsForged() {
        Response r = given().redirects().follow(false).cookie("gate_session", "not.a.jwt").get("/console/queue");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/console/login");
        assertThat(r.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("gate_session=;")
                && c.contains("Max-Age=0"));
    }

    @Test
    void shouldServeQueueToViewer_withSecurityHeaders() {
        given().header("Authorization", bearer("viewer")).get("/console/queue").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'; script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .body(containsString("/webjars/htmx.org/2.0.7/dist/htmx.min.js"))
                .body(containsString("hx-get=\"/console/queue/count?"));
    }

    @Test
    void shouldServeHtmxFromTheWebjar_andConsoleAssets() {
        given().get("/webjars/htmx.org/2.0.7/dist/htmx.min.js").then().statusCode(200)
                .body(containsString("htmx"));
        given().get("/console/console.css").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void shouldRefuseTokenWithoutGateRole() {
        given().redirects().follow(false).header("Authorization", "Bearer " + ConsoleFixtures.token("dev", "developer"))
                .get("/console/queue").then().statusCode(403).body(containsString("problem-title"));
    }

    @Test
    void shouldForbidOverrideToViewer_andLeaveVerdictUnchanged() throws Exception {
        String id = ConsoleFixtures.rectifyVerdict("com.example.viewer", "dev-v");
        String html = given().header("Authorization", bearer("viewer")).get("/console/verdicts/" + id)
                .then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("override-form");
        given().redirects().follow(false).header("Authorization", bearer("viewer"))
                .formParam("csrf", csrfOf(html)).formParam("kind", "decision").formParam("decision", "ACCEPT")
                .formParam("reason", "looks fine").post("/console/verdicts/" + id + "/override")
                .then().statusCode(403);
        assertThat(ConsoleFixtures.decisionOf(id)).isEqualTo("RECTIFY:1");
    }

    @Test
    void shouldRejectOverrideWithoutValidCsrf() throws Exception {
        String id = ConsoleFixtures.rectifyVerdict("com.example.csrf", "dev-c");
        String reviewer = bearer("reviewer");
        given().redirects().follow(false).header("Authorization", reviewer).formParam("kind", "decision")
                .formParam("decision", "ACCEPT").formParam("reason", "x").post("/console/verdicts/" + id + "/override")
                .then().statusCode(403).body(containsString("problem-title"));
        // a token from another session does not verify for this one
        String otherCsrf = csrfOf(given().header("Authorization", bearer("reviewer")).get("/console/verdicts/" + id)
                .then().extract().asString());
        given().redirects().follow(false).header("Authorization", reviewer).formParam("csrf", otherCsrf)
                .formParam("kind", "decision").formParam("decision", "ACCEPT").formParam("reason", "x")
                .post("/console/verdicts/" + id + "/override").then().statusCode(403);
        assertThat(ConsoleFixtures.decisionOf(id)).isEqualTo("RECTIFY:1");
    }

    @Test
    void shouldOverrideInTwoSteps_withReasonAndAuditEntry() throws Exception {
        String id = ConsoleFixtures.rectifyVerdict("com.example.override", "dev-o");
        String reviewer = bearer("reviewer");
        String csrf = csrfOf(given().header("Authorization", reviewer).get("/console/verdicts/" + id)
                .then().statusCode(200).body(containsString("override-form")).extract().asString());

        // no reason: refused before anything is written
        given().header("Authorization", reviewer).formParam("csrf", csrf).formParam("kind", "decision")
                .formParam("decision", "ACCEPT").formParam("reason", " ")
                .post("/console/verdicts/" + id + "/override/confirm").then().statusCode(422)
                .body(containsString("REASON_REQUIRED"));
        // step 1 shows the change and writes nothing
        given().header("Authorization", reviewer).formParam("csrf", csrf).formParam("kind", "decision")
                .formParam("decision", "ACCEPT").formParam("reason", "consent flow verified <b>manually</b>")
                .post("/console/verdicts/" + id + "/override/confirm").then().statusCode(200)
                .body(containsString("id=\"confirm-form\""))
                .body(containsString("consent flow verified &lt;b&gt;manually&lt;/b&gt;"));
        assertThat(ConsoleFixtures.decisionOf(id)).isEqualTo("RECTIFY:1");

        // step 2 publishes the new decision as revision 2
        given().redirects().follow(false).header("Authorization", reviewer).formParam("csrf", csrf)
                .formParam("kind", "decision").formParam("decision", "ACCEPT")
                .formParam("reason", "consent flow verified <b>manually</b>")
                .post("/console/verdicts/" + id + "/override").then().statusCode(303)
                .header("Location", endsWith("/console/verdicts/" + id + "?done=2#history"));
        assertThat(ConsoleFixtures.decisionOf(id)).isEqualTo("ACCEPT:2");

        String page = given().header("Authorization", reviewer).get("/console/verdicts/" + id + "?done=2&lang=en")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("Override published as revision 2")
                .contains("OVERRIDE_DECISION").contains("test-reviewer")
                .contains("consent flow verified &lt;b&gt;manually&lt;/b&gt;")
                .contains("RECTIFY → ACCEPT")
                .doesNotContain("<b>manually</b>");
    }

    @Test
    void shouldEscapeAttackerControlledText() throws Exception {
        String id = ConsoleFixtures.rectifyVerdict("com.example.xss", "dev-x");
        String queue = given().header("Authorization", bearer("viewer")).get("/console/queue?developer=dev-x")
                .then().statusCode(200).extract().asString();
        assertThat(queue).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        String verdict = given().header("Authorization", bearer("viewer")).get("/console/verdicts/" + id)
                .then().statusCode(200).extract().asString();
        assertThat(verdict).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert");
    }

    @Test
    void shouldRenderEvidenceForHumans() throws Exception {
        String id = ConsoleFixtures.rectifyVerdict("com.example.evidence", "dev-e");
        String html = given().header("Authorization", bearer("viewer")).get("/console/verdicts/" + id + "?lang=en")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("<code>com.sdk.Tracker.init</code> <span class=\"arrow\">→</span> "
                + "<code>android.telephony.TelephonyManager.getDeviceId</code>");
        assertThat(html).contains("<span class=\"x-p\">&lt;</span><span class=\"x-t\">uses-permission</span>")
                .contains("<span class=\"x-v\">android.permission.RECEIVE_BOOT_COMPLETED</span>");
        assertThat(html).contains("<code>com.sdk.tracker</code> <span class=\"arrow\">→</span> <code>IMEI/OAID</code>");
        // grouped by MIIT 337 area, SDK rules in their own section, basis clauses named
        assertThat(html).contains("MIIT 337 problem 3: Covert sharing with third parties <span class=\"area\">"
                        + "Illegal use of personal information</span>")
                .contains("Third-party SDKs").contains("<span class=\"clause\">工信部信管函〔2019〕337号 problem 1</span>")
                .contains("<span class=\"clause\">个人信息保护法 Art. 23</span>");
        assertThat(html.indexOf("id=\"group-miit337-3\"")).isLessThan(html.indexOf("id=\"group-sdk\""));
    }

    @Test
    void shouldLogInWithPastedToken_intoHttpOnlyStrictCookie() {
        Response form = given().get("/console/login");
        form.then().statusCode(200);
        String loginCsrf = csrfOf(form.asString());
        assertThat(form.getCookie("gate_login_csrf")).isEqualTo(loginCsrf);

        // the double-submit cookie is required
        given().redirects().follow(false).formParam("csrf", loginCsrf)
                .formParam("token", ConsoleFixtures.token("u", "viewer")).post("/console/login").then().statusCode(403);
        // a token the gate does not trust is refused
        given().redirects().follow(false).cookie("gate_login_csrf", loginCsrf).formParam("csrf", loginCsrf)
                .formParam("token", "eyJhbGciOiJub25lIn0.e30.").post("/console/login").then().statusCode(401)
                .body(containsString("login-failed"));

        String token = ConsoleFixtures.token("cookie-user", "viewer");
        Response ok = given().redirects().follow(false).cookie("gate_login_csrf", loginCsrf)
                .formParam("csrf", loginCsrf).formParam("token", token).post("/console/login");
        ok.then().statusCode(303).header("Location", endsWith("/console/queue"));
        String setCookie = ok.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gate_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/console");

        given().cookie("gate_session", token).get("/console/queue").then().statusCode(200)
                .body(containsString("cookie-user"));
    }

    @Test
    void shouldSwitchLanguage() {
        given().header("Authorization", bearer("viewer")).get("/console/queue?lang=en").then().statusCode(200)
                .body(containsString("Review queue")).header("Set-Cookie", containsString("gate_lang=en"));
        given().header("Authorization", bearer("viewer")).get("/console/queue?lang=zh").then().statusCode(200)
                .body(containsString("审核队列"));
        given().header("Authorization", bearer("viewer")).cookie("gate_lang", "en").get("/console/packs")
                .then().statusCode(200).body(containsString("Active pack")).body(containsString("cn-app-pi@"));
    }
}
