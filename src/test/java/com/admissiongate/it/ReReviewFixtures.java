package com.admissiongate.it;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PolicyAssessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.ClientProxy;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stored state for re-review and deadline tests, written straight to the real Postgres: real Facts of an APK built
 * in code (analysed by the service's own assembler, as the pipeline would), a verdict with its first revision, and
 * the store's listing.
 */
final class ReReviewFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    final Pool pool;
    final PolicyAssessor assessor;

    ReReviewFixtures(Pool pool, Assessor assessor) {
        this.pool = pool;
        this.assessor = (PolicyAssessor) ClientProxy.unwrap(assessor);
    }

    /** Real Facts of a freshly signed clean APK of {@code pkg}, stored in {@code facts}. */
    JsonNode facts(String pkg) throws Exception {
        Path apk = Files.createTempFile("rereview", ".apk");
        try {
            Files.write(apk, PipelineTests.cleanSignedApk(pkg));
            JsonNode facts = assessor.assembler().assemble(apk);
            pool.preparedQuery("insert into facts (sha256, analyzer_version, document) values ($1, $2, cast(cast($3 as text) as jsonb)) "
                            + "on conflict do nothing")
                    .execute(Tuple.of(sha(facts), facts.path("analyzerVersion").asText(), JSON.writeValueAsString(facts)))
                    .await().indefinitely();
            return facts;
        } finally {
            Files.deleteIfExists(apk);
        }
    }

    static String sha(JsonNode facts) {
        return facts.path("sha256").asText();
    }

    static ObjectNode submission(String uploadId, String pkg, String sha, Integer minAge, String developer) {
        ObjectNode data = JSON.createObjectNode();
        data.put("uploadId", uploadId).put("package", pkg).put("versionCode", 1).put("appType", "实用工具类")
                .put("submittedAt", "2030-01-01T00:00:00Z");
        data.putObject("object").put("bucket", "uploads").put("key", "apk/" + uploadId + ".apk").put("sha256", sha)
                .put("size", 1000);
        data.putObject("developer").put("id", developer).put("name", "Test Developer");
        ObjectNode audience = data.putObject("audience");
        if (minAge != null) {
            audience.put("minAge", minAge);
        }
        audience.put("minorsTargeted", false);
        return data;
    }

    /** What the active pack decides for these Facts and this submission, with no earlier ACCEPTed version. */
    Assessment evaluate(JsonNode facts, JsonNode submission) {
        ObjectNode history = JSON.createObjectNode();
        history.put("keyChangeRegistered", false).putNull("lastAccepted");
        return assessor.evaluate(facts, submission, history);
    }

    /** Inserts a verdict (and its revision 1) as the upload pipeline would have stored it; returns the upload id. */
    String verdict(String pkg, JsonNode facts, ObjectNode submission, String decision, String findingsJson,
                   LocalDate rectifyBy, String packVersion, Instant decidedAt) {
        String uploadId = submission.path("uploadId").asText();
        boolean minors = submission.path("audience").path("minAge").asInt(18) < 18;
        pool.preparedQuery("insert into verdict (upload_id, package_name, version_code, sha256, developer_id, app_type, "
                        + "minors_targeted, decision, rectify_by, reason, rule_pack_version, analyzer_version, findings, "
                        + "submission, decided_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'UPLOAD', $10, $11, "
                        + "cast(cast($12 as text) as jsonb), cast(cast($13 as text) as jsonb), $14)")
                .execute(Tuple.tuple().addString(uploadId).addString(pkg).addLong(submission.path("versionCode").asLong())
                        .addString(sha(facts)).addString(submission.at("/developer/id").asText())
                        .addString(submission.path("appType").asText()).addBoolean(minors).addString(decision)
                        .addLocalDate(rectifyBy).addString(packVersion).addString(facts.path("analyzerVersion").asText())
                        .addString(findingsJson).addString(submission.toString())
                        .addOffsetDateTime(decidedAt.atOffset(ZoneOffset.UTC)))
                .await().indefinitely();
        pool.preparedQuery("insert into verdict_revision (upload_id, revision, decision, rectify_by, reason, "
                        + "rule_pack_version, findings, decided_at) values ($1, 1, $2, $3, 'UPLOAD', $4, cast(cast($5 as text) as jsonb), $6)")
                .execute(Tuple.tuple().addString(uploadId).addString(decision).addLocalDate(rectifyBy)
                        .addString(packVersion).addString(findingsJson).addOffsetDateTime(decidedAt.atOffset(ZoneOffset.UTC)))
                .await().indefinitely();
        return uploadId;
    }

    void list(String pkg, String sha, String state, Instant at) {
        pool.preparedQuery("insert into listing (package_name, version_code, sha256, state, at, event_id, updated_at) "
                        + "values ($1, 1, $2, $3, $4, $5, $4) on conflict (package_name) do update set sha256 = excluded.sha256, "
                        + "state = excluded.state, at = excluded.at")
                .execute(Tuple.tuple().addString(pkg).addString(sha).addString(state)
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)).addString(UUID.randomUUID().toString()))
                .await().indefinitely();
    }

    /** Only this test's listings exist, so a catalog-wide selection sees exactly what the test set up. */
    /**
     * No listed app, and no pack basis (EvaluationBasis): these fixtures store verdicts that were not judged by their
     * pack on their own submission (a stored minAge differs from the submission's, to make a re-review change), so
     * they must not claim a provenance that lets re-review reuse their results. Without a basis row every re-review
     * evaluates in full, as it does for verdicts of a pack no replica recorded.
     */
    void clearListings() {
        pool.query("delete from listing").execute().await().indefinitely();
        pool.query("delete from rule_pack_basis").execute().await().indefinitely();
    }

    List<Row> rows(String sql, Object... args) {
        List<Row> out = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().forEach(out::add);
        return out;
    }

    static String uploadId() {
        return "rr-" + UUID.randomUUID();
    }

    static String pkg(String name) {
        return "com.example.rr." + name + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
