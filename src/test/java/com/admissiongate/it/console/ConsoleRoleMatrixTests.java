package com.admissiongate.it.console;

import com.admissiongate.it.JwtTestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.oneOf;

/**
 * Every console page × every caller: no session → login page, a token without a gate role → 403, each gate role may
 * read; only reviewers reach the override endpoints, only admins the re-review trigger and the pack dry-run (which
 * then still demand a CSRF token: 403 without one).
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ConsoleRoleMatrixTests {

    static final List<String> PAGES = List.of("/console/queue", "/console/queue/count", "/console/minors",
            "/console/packs", "/console/verdicts/unknown-upload", "/console/verdicts/unknown-upload/diff",
            "/console/minors/runs/00000000-0000-0000-0000-000000000000",
            "/console/minors/runs/00000000-0000-0000-0000-000000000000/progress");
    /** Every console form endpoint and the one role that may use it. */
    static final Map<String, String> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("/console/verdicts/unknown-upload/override/confirm", "reviewer");
        FORMS.put("/console/verdicts/unknown-upload/override", "reviewer");
        FORMS.put("/console/minors/re-review", "admin");
        FORMS.put("/console/packs/dry-run", "admin");
    }

    static Stream<Arguments> reads() {
        List<Arguments> out = new ArrayList<>();
        for (String p : PAGES) {
            out.add(Arguments.of(p, "none", 303));
            out.add(Arguments.of(p, "developer", 403));
            for (String role : List.of("viewer", "reviewer", "admin")) {
                out.add(Arguments.of(p, role, 200));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> writes() {
        List<Arguments> out = new ArrayList<>();
        FORMS.forEach((p, allowed) -> {
            out.add(Arguments.of(p, "none", 303, allowed));
            // every other role gets the role page; the allowed one gets in and is then refused for the missing
            // CSRF token: the CSRF page
            for (String role : List.of("developer", "viewer", "reviewer", "admin")) {
                out.add(Arguments.of(p, role, 403, allowed));
            }
        });
        return out.stream();
    }

    static RequestSpecification as(String caller) {
        RequestSpecification req = given().redirects().follow(false);
        return "none".equals(caller) ? req
                : req.header("Authorization", "Bearer " + ConsoleFixtures.token("m-" + caller, caller));
    }

    @ParameterizedTest(name = "{1} GET {0} -> {2}")
    @MethodSource("reads")
    void shouldEnforceRolesOnPages(String page, String caller, int expected) {
        var res = as(caller).get(page).then();
        if (expected == 303) {
            res.statusCode(303).header("Location", endsWith("/console/login"));
        } else if (expected == 200) {
            // the page's own answer (200, or the 404 page for an unknown upload), never a login or role refusal
            res.statusCode(oneOf(200, 404));
        } else {
            res.statusCode(expected);
        }
    }

    @ParameterizedTest(name = "{1} POST {0} -> {2}")
    @MethodSource("writes")
    void shouldLetOnlyTheAllowedRoleIntoForms(String endpoint, String caller, int expected, String allowed) {
        var res = as(caller).formParam("kind", "decision").formParam("decision", "ACCEPT")
                .formParam("reason", "matrix").post(endpoint).then();
        if (expected == 303) {
            res.statusCode(303).header("Location", endsWith("/console/login"));
            return;
        }
        res.statusCode(expected);
        String title = allowed.equals(caller) ? "Form expired|表单已失效" : "Not allowed|无权限";
        res.body(org.hamcrest.Matchers.matchesPattern("(?s).*<h1 id=\"problem-title\">(" + title + ")</h1>.*"));
    }
}
