package com.admissiongate.it;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/** Every operator endpoint × every caller: no token 401, a token without a gate role 403, each role allowed. */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class AuthMatrixTests {

    static final List<String> ENDPOINTS = List.of(
            "/api/v1/verdicts/unknown-upload",
            "/api/v1/apps/com.example.none/verdicts",
            "/api/v1/verdicts/unknown-upload/report?format=sarif",
            "/api/v1/re-reviews/00000000-0000-0000-0000-000000000000",
            "/api/v1/listings/com.example.none");

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (String e : ENDPOINTS) {
            out.add(Arguments.of(e, "none", 401));
            out.add(Arguments.of(e, "forged", 401));
            out.add(Arguments.of(e, "developer", 403));
            for (String role : List.of("viewer", "reviewer", "admin")) {
                out.add(Arguments.of(e, role, 200));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} GET {0} -> {2}")
    @MethodSource("matrix")
    void shouldEnforceRoles(String endpoint, String caller, int expected) {
        RequestSpecification req = given().auth().none();
        switch (caller) {
            case "none" -> { }
            // signed by a key the gate does not trust
            case "forged" -> req = req.header("Authorization", "Bearer " + forgedToken());
            default -> req = req.header("Authorization", "Bearer " + JwtTestKeys.token(caller));
        }
        var res = req.get(endpoint).then();
        if (expected == 200) {
            // allowed: the answer is the resource's own (200, or 404 for an unknown upload), never 401/403
            res.statusCode(oneOf(200, 404)).statusCode(not(oneOf(401, 403)));
        } else {
            res.statusCode(expected);
            if (expected == 403) {
                res.contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
            }
        }
    }

    /** Starting a re-review is for admins only; followers of its progress use the GET matrix above. */
    static Stream<Arguments> adminOnly() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("none", 401));
        out.add(Arguments.of("forged", 401));
        out.add(Arguments.of("developer", 403));
        out.add(Arguments.of("viewer", 403));
        out.add(Arguments.of("reviewer", 403));
        out.add(Arguments.of("admin", 202));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} POST /api/v1/re-reviews -> {1}")
    @MethodSource("adminOnly")
    void shouldAllowOnlyAdminsToStartAReReview(String caller, int expected) {
        RequestSpecification req = given().auth().none().contentType("application/json")
                .body("{\"package\":\"com.example.authmatrix.none\",\"reason\":\"auth matrix\"}");
        switch (caller) {
            case "none" -> { }
            case "forged" -> req = req.header("Authorization", "Bearer " + forgedToken());
            default -> req = req.header("Authorization", "Bearer " + JwtTestKeys.token(caller));
        }
        var res = req.post("/api/v1/re-reviews").then().statusCode(expected);
        if (expected == 403) {
            res.contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        }
        if (expected == 202) {
            res.body("trigger", equalTo("OPERATOR")).body("requestedBy", equalTo("test-user"));
        }
    }

    static String forgedToken() {
        try {
            var dir = java.nio.file.Files.createTempDirectory("forged-jwt");
            return com.admissiongate.cli.DevKeysCommand.token(com.admissiongate.cli.DevKeysCommand.ensureKeys(dir),
                    "mallory", java.util.Set.of("admin"), java.time.Duration.ofMinutes(5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
