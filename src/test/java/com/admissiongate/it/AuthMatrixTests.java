package com.admissiongate.it;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every operator endpoint × every caller: no token 401, a forged token 401, a token without a gate role 403, a role
 * below the endpoint's least role (x-required-role in contracts/openapi.yaml) 403, and every role at or above it gets
 * the endpoint's success status — against real data (a pipeline verdict with Facts, seeded verdicts for changes).
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class AuthMatrixTests {

    static final List<String> ROLES = List.of("viewer", "reviewer", "admin");

    /** {@code path} and {@code body} are evaluated per call: changing endpoints get fresh state each time. */
    record Endpoint(String method, Supplier<String> path, String leastRole, int success, String contentType,
                    Supplier<Object> body) {
    }

    static Endpoint get(String least, Supplier<String> path) {
        return new Endpoint("GET", path, least, 200, null, null);
    }

    static Endpoint send(String method, String least, int success, Supplier<String> path, String type, Supplier<Object> body) {
        return new Endpoint(method, path, least, success, type, body);
    }

    private static String decided;

    /** One upload decided by the pipeline (verdict + Facts), shared by the read and re-scan rows. */
    static synchronized String decided() {
        if (decided == null) {
            try (StackClient stack = new StackClient()) {
                byte[] apk = PipelineTests.cleanSignedApk("com.example.authmatrix");
                String id = "auth-" + UUID.randomUUID();
                stack.put("apk/" + id + ".apk", apk);
                stack.publish("store.uploads", "com.example.authmatrix",
                        stack.uploadEvent(id, "com.example.authmatrix", "apk/" + id + ".apk", apk).toString());
                stack.awaitDecision(id, Duration.ofSeconds(60));
                decided = id;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return decided;
    }

    static String seeded() {
        try {
            return OperatorSeed.verdict("com.example.authseed", "dev-auth", "RECTIFY", false, Instant.now(),
                    "META-02-NO-FILING", "MINOR-01-NO-AUDIENCE").uploadId;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static String bundled() {
        return io.quarkus.arc.Arc.container().instance(com.admissiongate.analysis.PackRegistry.class).get().bundled().version();
    }

    static byte[] zip(Map<String, byte[]> files) {
        try {
            return RulePackZips.zip(files);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final Map<String, Endpoint> ENDPOINTS = new java.util.LinkedHashMap<>();

    static {
        String json = "application/json";
        ENDPOINTS.put("GET /verdicts/{id}", get("viewer", () -> "/api/v1/verdicts/" + decided()));
        ENDPOINTS.put("GET /apps/{pkg}/verdicts", get("viewer", () -> "/api/v1/apps/com.example.authmatrix/verdicts"));
        ENDPOINTS.put("GET /verdicts/{id}/report", get("viewer", () -> "/api/v1/verdicts/" + decided() + "/report?format=sarif"));
        ENDPOINTS.put("GET /verdicts", get("viewer", () -> "/api/v1/verdicts?limit=1"));
        ENDPOINTS.put("GET /verdicts/{id}/revisions", get("viewer", () -> "/api/v1/verdicts/" + decided() + "/revisions"));
        ENDPOINTS.put("POST /verdicts/{id}/rescan", send("POST", "reviewer", 200, () -> "/api/v1/verdicts/" + decided() + "/rescan",
                json, () -> "{\"mode\":\"re-evaluate\"}"));
        ENDPOINTS.put("POST /verdicts/{id}/override", send("POST", "reviewer", 200, () -> "/api/v1/verdicts/" + seeded() + "/override",
                json, () -> "{\"decision\":\"REJECT\",\"reason\":\"auth matrix\"}"));
        ENDPOINTS.put("POST /verdicts/{id}/findings/{ruleId}/waive", send("POST", "reviewer", 200,
                () -> "/api/v1/verdicts/" + seeded() + "/findings/META-02-NO-FILING/waive", json, () -> "{\"reason\":\"auth matrix\"}"));
        ENDPOINTS.put("PUT /verdicts/{id}/deadline", send("PUT", "reviewer", 200, () -> "/api/v1/verdicts/" + seeded() + "/deadline",
                json, () -> "{\"rectifyBy\":\"" + LocalDate.now().plusDays(60) + "\",\"reason\":\"auth matrix\"}"));
        ENDPOINTS.put("POST /apps/{pkg}/signing-key-changes", send("POST", "reviewer", 201,
                () -> "/api/v1/apps/com.example.authmatrix/signing-key-changes", json,
                () -> "{\"newCertSha256\":\"" + "b".repeat(64) + "\",\"reason\":\"auth matrix\"}"));
        ENDPOINTS.put("GET /rule-packs", get("viewer", () -> "/api/v1/rule-packs"));
        ENDPOINTS.put("GET /rule-packs/{version}", get("viewer", () -> "/api/v1/rule-packs/" + bundled()));
        ENDPOINTS.put("GET /rule-packs/{version}/rules/{ruleId}", get("viewer",
                () -> "/api/v1/rule-packs/" + bundled() + "/rules/SIGN-02-CERT-CHANGED"));
        // an index naming a missing rule: a complete validation answer (valid=false) without compiling 34 rules
        ENDPOINTS.put("POST /rule-packs/validate", send("POST", "reviewer", 200, () -> "/api/v1/rule-packs/validate",
                "application/zip", () -> zip(Map.of("pack.yaml", "name: t\nversion: 1.0.0\ndescription: d\nrules: [X-1.yaml]\n".getBytes()))));
        ENDPOINTS.put("POST /rule-packs", send("POST", "admin", 201, () -> "/api/v1/rule-packs", "application/zip", () -> {
            try {
                return RulePackZips.zip(RulePackZips.variant("1.0.2-auth." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000), null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        ENDPOINTS.put("POST /rule-packs/{version}/activate", send("POST", "admin", 200,
                () -> "/api/v1/rule-packs/" + bundled() + "/activate", json, () -> "{\"reason\":\"auth matrix: keep the bundled pack\"}"));
        ENDPOINTS.put("POST /rule-packs/{version}/dry-run", send("POST", "reviewer", 200,
                () -> "/api/v1/rule-packs/" + bundled() + "/dry-run?last=3", null, null));
        ENDPOINTS.put("GET /audit", get("admin", () -> "/api/v1/audit?limit=1"));
        ENDPOINTS.put("POST /re-reviews", send("POST", "admin", 202, () -> "/api/v1/re-reviews", json,
                () -> "{\"package\":\"com.example.authmatrix.none\",\"reason\":\"auth matrix\"}"));
        ENDPOINTS.put("GET /re-reviews/{id}", get("viewer", () -> "/api/v1/re-reviews/" + reReviewRun()));
        ENDPOINTS.put("GET /listings/{package}", get("viewer", () -> "/api/v1/listings/" + listed()));
    }

    private static String run;

    /** A re-review run started by an admin, so the progress endpoint has something to show. */
    static synchronized String reReviewRun() {
        if (run == null) {
            run = given().auth().none().header("Authorization", "Bearer " + JwtTestKeys.token("admin"))
                    .contentType("application/json")
                    .body("{\"package\":\"com.example.authmatrix.none\",\"reason\":\"auth matrix run\"}")
                    .post("/api/v1/re-reviews").then().statusCode(202).extract().path("id");
        }
        return run;
    }

    /** The decided upload's package, reported LISTED by the store (row written as the listings consumer would). */
    static synchronized String listed() {
        String id = decided();
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                    .withTransaction(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s
                            .createNativeQuery("insert into listing (package_name, version_code, sha256, state, at, event_id,"
                                    + " updated_at) select package_name, version_code, sha256, 'LISTED', now(), 'auth-matrix',"
                                    + " now() from verdict where upload_id = :id on conflict (package_name) do nothing")
                            .setParameter("id", id).executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return "com.example.authmatrix";
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        ENDPOINTS.forEach((name, e) -> {
            out.add(Arguments.of(name, "none", 401));
            out.add(Arguments.of(name, "forged", 401));
            out.add(Arguments.of(name, "developer", 403));
            for (String role : ROLES) {
                boolean allowed = ROLES.indexOf(role) >= ROLES.indexOf(e.leastRole());
                out.add(Arguments.of(name, role, allowed ? e.success() : 403));
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @MethodSource("matrix")
    void shouldEnforceRoles(String name, String caller, int expected) {
        Endpoint e = ENDPOINTS.get(name);
        RequestSpecification req = given().auth().none();
        switch (caller) {
            case "none" -> { }
            // signed by a key the gate does not trust
            case "forged" -> req = req.header("Authorization", "Bearer " + forgedToken());
            default -> req = req.header("Authorization", "Bearer " + JwtTestKeys.token(caller));
        }
        // refused calls must not need state: build the body only for callers that may get through
        if (e.contentType() != null) {
            req = req.contentType(e.contentType());
            Object body = expected == 401 || expected == 403 ? placeholder(e) : e.body().get();
            req = body instanceof byte[] bytes ? req.body(bytes) : req.body((String) body);
        }
        var res = req.request(e.method(), e.path().get()).then();
        res.statusCode(expected);
        if (expected == 401 || expected == 403) {
            res.contentType("application/problem+json").body("code", equalTo(expected == 401 ? "UNAUTHENTICATED" : "FORBIDDEN"));
        }
    }

    private static Object placeholder(Endpoint e) {
        return "application/zip".equals(e.contentType()) ? new byte[]{'P', 'K'} : "{}";
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
