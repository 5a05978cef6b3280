package com.admissiongate.it;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.policy.FactsSelection;
import com.admissiongate.privacy.PrivacyLimits;
import com.admissiongate.privacy.PrivacyPolicyFacts;
import com.admissiongate.privacy.PrivacyPolicyParser;
import com.admissiongate.review.ReReviewCandidate;
import com.admissiongate.review.ReReviewProgress;
import com.admissiongate.review.ReReviewScope;
import com.admissiongate.review.ReReviewSelector;
import com.admissiongate.review.ReReviewer;
import com.admissiongate.verdict.HistoryService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history a re-review judges a listed upload with is the one a re-scan of that upload gets
 * ({@code HistoryService.forPackage(package, uploadId)}): the last ACCEPTed version other than the upload itself
 * (with its permissions, SDKs, signers and privacy-policy sha256), the signing keys registered since that version and
 * the developers that had uploaded the same policy before. The page query builds it from columns; these tests hold
 * the two together on the real Postgres, and show what a difference costs: a listed version that added a permission
 * under an unchanged policy keeps its RD191-2.2 finding instead of having it "resolved" by the daily re-review.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class ReReviewHistoryTests {

    static final String RD191_2_2 = "RD191-2.2-CHANGE-NOT-NOTIFIED";

    @Inject
    ReReviewer reviewer;

    @Inject
    com.admissiongate.review.CandidateJudge judge;

    @Inject
    ReReviewSelector selector;

    @Inject
    HistoryService history;

    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    @Inject
    ObjectMapper mapper;

    ReReviewFixtures fx;

    @BeforeEach
    void clean() {
        fx = new ReReviewFixtures(pool, assessor);
        fx.clearListings();
    }

    /** A parsed privacy-policy section as the upload pipeline stores it (one per test: its own sha256). */
    JsonNode policySection(String run) {
        String text = "简记本隐私政策（" + run + "）\n为了向您提供同步服务，我们会收集您的设备标识符。\n"
                + "如有问题请联系 privacy@example.com。";
        PrivacyPolicyFacts f = new PrivacyPolicyParser(PrivacyLimits.defaults(), CatalogLoader.fromClasspath().sdks())
                .parse(text.getBytes(StandardCharsets.UTF_8), "text/plain", "p.txt",
                        new PrivacyPolicyFacts.Source("object", "policies/" + run + ".txt", "text/plain"),
                        new PrivacyPolicyParser.Context("简记本", "示例科技有限公司"));
        JsonNode section = mapper.valueToTree(f);
        assertThat(section.path("status").asText()).isEqualTo("parsed");
        assertThat(section.path("sha256").asText()).hasSize(64);
        return section;
    }

    /** {@code base} as another build: its own sha256, edited, stored in {@code facts}. */
    ObjectNode version(JsonNode base, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode f = base.deepCopy();
        f.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))));
        edit.accept(f);
        pool.preparedQuery("insert into facts (sha256, analyzer_version, document) values ($1, $2, cast(cast($3 as text) as jsonb))")
                .execute(Tuple.of(ReReviewFixtures.sha(f), f.path("analyzerVersion").asText(), mapper.writeValueAsString(f)))
                .await().indefinitely();
        return f;
    }

    static void addPermission(ObjectNode facts, String name) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) facts.path("manifest").path("permissions")).addObject()
                .put("name", name).putNull("maxSdk").put("sdk23", false);
    }

    ObjectNode submission(String pkg, JsonNode facts, long versionCode, String developer) {
        ObjectNode sub = ReReviewFixtures.submission(ReReviewFixtures.uploadId(), pkg, ReReviewFixtures.sha(facts), 18,
                developer);
        sub.put("versionCode", versionCode);
        return sub;
    }

    /** Stores the upload's verdict as the pipeline decides it: the pack over its Facts and the package history now. */
    Assessment upload(String pkg, JsonNode facts, ObjectNode sub, Instant at) throws Throwable {
        JsonNode h = VertxContextSupport.subscribeAndAwait(() -> history.forPackage(pkg));
        Assessment a = fx.assessor.evaluate(facts, sub, h);
        fx.verdict(pkg, facts, sub, a.decision().name(), mapper.writeValueAsString(a.findings()), a.rectifyBy(),
                reviewer.activePackVersion(), at);
        return a;
    }

    /** Version 1 (stored, ACCEPTed on 2030-01-01) and version 2 (Facts stored, no verdict yet) of {@code pkg}. */
    record TwoVersions(ObjectNode v1, ObjectNode s1, ObjectNode v2, ObjectNode s2) {
    }

    /** Both under the same privacy policy; version 2 adds the dangerous CAMERA permission. */
    TwoVersions twoVersions(String pkg, JsonNode base, JsonNode policy, String developer) throws Exception {
        ObjectNode v1 = version(base, f -> f.set("privacyPolicy", policy));
        ObjectNode s1 = submission(pkg, v1, 1, developer);
        fx.verdict(pkg, v1, s1, "ACCEPT", "[]", null, reviewer.activePackVersion(), Instant.parse("2030-01-01T00:00:00Z"));
        ObjectNode v2 = version(base, f -> {
            f.set("privacyPolicy", policy);
            addPermission(f, "android.permission.CAMERA");
        });
        return new TwoVersions(v1, s1, v2, submission(pkg, v2, 2, developer));
    }

    void registerKey(String pkg, String cert, Instant at) {
        pool.preparedQuery("insert into signing_key_change (package_name, new_cert_sha256, reason, registered_by, registered_at)"
                        + " values ($1, $2, 'test', 'test-admin', $3)")
                .execute(Tuple.of(pkg, cert, at.atOffset(ZoneOffset.UTC))).await().indefinitely();
    }

    void policyUpload(String uploadId, String developer, String pkg, String policySha, Instant at) {
        pool.preparedQuery("insert into policy_upload (upload_id, developer_id, package_name, policy_sha256, recorded_at)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(uploadId, developer, pkg, policySha, at.atOffset(ZoneOffset.UTC))).await().indefinitely();
    }

    ReReviewCandidate candidate(String pkg, boolean sections) {
        ReReviewScope scope = new ReReviewScope(pkg, null, null, null, null, null, false, null);
        List<ReReviewCandidate> page = selector.page(scope, reviewer.activePackVersion(),
                        reviewer.current().assembler().analyzerVersion(), "", 10,
                        sections ? com.admissiongate.policy.FactsSelection.of(java.util.Set.of("manifest", "signing")) : null)
                .await().indefinitely();
        assertThat(page).hasSize(1);
        return page.get(0);
    }

    @Test
    void theReReviewHistoryOfAListedUploadIsTheOneARescanOfItGets() throws Throwable {
        for (String listedDecision : List.of("ACCEPT", "REJECT")) {
            String run = UUID.randomUUID().toString();
            String pkg = ReReviewFixtures.pkg("history");
            JsonNode base = fx.facts(pkg);
            JsonNode policy = policySection(run);
            String policySha = policy.path("sha256").asText();
            TwoVersions t = twoVersions(pkg, base, policy, "dev-me");
            ObjectNode s1 = t.s1();
            ObjectNode v2 = t.v2();
            ObjectNode s2 = t.s2();
            String v2Id = s2.path("uploadId").asText();
            fx.verdict(pkg, v2, s2, listedDecision, "[]", null, reviewer.activePackVersion(),
                    Instant.parse("2030-03-01T00:00:00Z"));
            fx.list(pkg, ReReviewFixtures.sha(v2), "LISTED", Instant.parse("2030-03-02T00:00:00Z"));
            String before = "a".repeat(64);
            String since = "b".repeat(64);
            registerKey(pkg, before, Instant.parse("2029-12-01T00:00:00Z"));
            registerKey(pkg, since, Instant.parse("2030-02-01T00:00:00Z"));
            policyUpload("pu-" + run + "-other", "dev-other-" + run, "com.other." + run.substring(0, 8), policySha,
                    Instant.parse("2029-06-01T00:00:00Z"));
            policyUpload(v2Id, "dev-me", pkg, policySha, Instant.parse("2030-03-01T00:00:00Z"));
            policyUpload("pu-" + run + "-later", "dev-later-" + run, "com.later." + run.substring(0, 8), policySha,
                    Instant.parse("2031-01-01T00:00:00Z"));

            JsonNode expected = VertxContextSupport.subscribeAndAwait(() -> history.forPackage(pkg, v2Id));
            // what the rules read, spelled out: not the listed upload itself, even when it is the ACCEPTed one
            assertThat(expected.at("/lastAccepted/uploadId").asText()).isEqualTo(s1.path("uploadId").asText());
            assertThat(expected.at("/lastAccepted/policyHash").asText()).isEqualTo(policySha);
            assertThat(expected.at("/lastAccepted/permissions").toString()).doesNotContain("CAMERA");
            assertThat(expected.path("registeredKeyChanges").toString()).isEqualTo("[\"" + since + "\"]");
            assertThat(expected.at("/policySharedWithOtherDevelopers/count").asInt()).isEqualTo(1);
            for (boolean sections : List.of(false, true)) {
                assertThat(judge.historyOf(candidate(pkg, sections))).as(listedDecision + ", sections " + sections)
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * The page query cuts each Facts document in Postgres exactly as {@link FactsSelection#select} does in Java (the
     * reuse check's equivalence tests run on the Java side): real Facts of corpus APKs, the parts the shipped pack's
     * rules read, plus keys of a section that is not an object and keys a section does not have.
     */
    @Test
    void thePageQueryCutsFactsAsFactsSelectionDoes() throws Exception {
        FactsSelection rules = FactsSelection.of(com.admissiongate.policy.RuleShapes.ALWAYS);
        com.admissiongate.policy.RuleShapes.of(reviewer.current().pack()).values().forEach(shape -> {
            if (shape.facts() != null) {
                rules.add(shape.facts());
            }
        });
        assertThat(rules.parts().get("manifest")).as("keys, not the whole manifest").isNotEmpty();
        List<FactsSelection> selections = List.of(rules,
                FactsSelection.none().key("manifest", "targetSdk").key("complete", "x").key("signing", "noSuchKey"),
                FactsSelection.of(java.util.Set.of("dex", "privacyPolicy")));
        String analyzer = reviewer.current().assembler().analyzerVersion();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/bench/rereview"))) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                ObjectNode template = (ObjectNode) mapper.readTree(file.toFile());
                template.put("analyzerVersion", analyzer);
                String pkg = ReReviewFixtures.pkg("cut");
                ObjectNode facts = version(template, f -> { });
                fx.verdict(pkg, facts, submission(pkg, facts, 1, "dev-cut"), "REJECT", "[]", null,
                        reviewer.activePackVersion(), Instant.parse("2030-01-01T00:00:00Z"));
                fx.list(pkg, ReReviewFixtures.sha(facts), "LISTED", Instant.parse("2030-01-02T00:00:00Z"));
                java.util.Map<String, Object> whole = com.admissiongate.policy.CelJson.readObject(mapper.writeValueAsString(facts));
                for (FactsSelection sel : selections) {
                    ReReviewScope scope = new ReReviewScope(pkg, null, null, null, null, null, false, null);
                    List<ReReviewCandidate> page = selector.page(scope, reviewer.activePackVersion(), analyzer, "", 10, sel)
                            .await().indefinitely();
                    assertThat(page).hasSize(1);
                    assertThat(com.admissiongate.policy.CelJson.readObject(page.get(0).facts()))
                            .as(file.getFileName() + " " + sel).isEqualTo(sel.select(whole));
                }
            }
        }
    }

    @Test
    void aListedVersionThatAddedAPermissionUnderTheSamePolicyKeepsItsRd191FindingOnReReview() throws Throwable {
        String pkg = ReReviewFixtures.pkg("rd191");
        JsonNode base = fx.facts(pkg);
        JsonNode policy = policySection(UUID.randomUUID().toString());
        TwoVersions t = twoVersions(pkg, base, policy, "dev-rd191");
        ObjectNode v2 = t.v2();
        ObjectNode s2 = t.s2();
        String v2Id = s2.path("uploadId").asText();
        Assessment stored = upload(pkg, v2, s2, Instant.parse("2030-03-01T00:00:00Z"));
        assertThat(stored.findings()).anyMatch(f -> f.ruleId().equals(RD191_2_2));
        fx.list(pkg, ReReviewFixtures.sha(v2), "LISTED", Instant.parse("2030-03-02T00:00:00Z"));

        ReReviewProgress p = VertxContextSupport.subscribeAndAwait(() -> reviewer.run("OPERATOR",
                new ReReviewScope(pkg, null, null, null, null, null, false, null), "test-user", null,
                Instant.parse("2041-06-01T03:00:00Z")));

        assertThat(p.state()).isEqualTo("DONE");
        assertThat(p.evaluated()).isEqualTo(1);
        assertThat(p.failed()).isZero();
        assertThat(p.changed()).as("the RD191-2.2 finding the upload got still holds").isZero();
        assertThat(fx.rows("select count(*) from verdict_revision where upload_id = $1", v2Id).get(0).getLong(0))
                .isEqualTo(1L);
    }
}
