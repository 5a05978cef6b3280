package com.admissiongate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stored Facts of an upload, so nothing needs the APK again. A Facts row is shared by every upload of the same
 * bytes (sha256 + analyzer version) but the privacyPolicy section is the upload's own: an upload whose section
 * differs from the shared row's keeps it in {@code upload_policy} (V10), and the readers here put it in place.
 */
@ApplicationScoped
public class FactsStore {

    private final ObjectMapper mapper;
    private final io.vertx.mutiny.sqlclient.Pool pool;

    public FactsStore(ObjectMapper mapper, io.vertx.mutiny.sqlclient.Pool pool) {
        this.mapper = mapper;
        this.pool = pool;
    }

    /**
     * The shared Facts row of a binary as stored, as JSON text (the privacyPolicy section of the upload that stored
     * it first), or null: what a new upload of the same bytes may start from instead of analysing them again. Text,
     * so that the caller parses it on a worker thread, not on the event loop.
     */
    public Uni<String> shared(String sha256, String analyzerVersion) {
        return pool.preparedQuery("select coalesce(document_text, cast(document as text)) from facts"
                        + " where sha256 = $1 and analyzer_version = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(sha256, analyzerVersion))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    /**
     * SQL for the Facts document (jsonb) of upload {@code uploadIdSql} whose shared row is {@code f}: the row's
     * document with the upload's own privacyPolicy section, when it has one.
     */
    public static String documentOf(String f, String uploadIdSql) {
        return "coalesce((select jsonb_set(" + f + ".document, array['privacyPolicy'], p.section) from upload_policy p"
                + " where p.upload_id = " + uploadIdSql + " and p.analyzer_version = " + f + ".analyzer_version), "
                + f + ".document)";
    }

    /**
     * As {@link #documentOf} as text: the kept text (V7's document_text, no jsonb-to-text conversion) unless the
     * upload has a section of its own.
     */
    public static String documentTextOf(String f, String uploadIdSql) {
        return "coalesce((select cast(jsonb_set(" + f + ".document, array['privacyPolicy'], p.section) as text) from upload_policy p"
                + " where p.upload_id = " + uploadIdSql + " and p.analyzer_version = " + f + ".analyzer_version), "
                + f + ".document_text, cast(" + f + ".document as text))";
    }

    /**
     * Stores {@code factsJson} for its binary, unless stored already; then, if the stored row is an earlier upload's,
     * keeps this upload's own privacy-policy section ({@code policySectionJson}, JSON text, "null" for none) beside it
     * when the two differ.
     */
    public static Uni<Void> store(Mutiny.Session s, String uploadId, String sha256, String analyzerVersion,
                                  String factsJson, String policySectionJson) {
        return s.createNativeQuery("insert into facts (sha256, analyzer_version, document) "
                        + "values (:sha, :ver, cast(cast(:doc as text) as jsonb)) on conflict do nothing")
                .setParameter("sha", sha256).setParameter("ver", analyzerVersion).setParameter("doc", factsJson)
                .executeUpdate()
                // a row inserted now holds this upload's section, and no upload_policy row can name a row that did not exist
                .chain(inserted -> inserted > 0 ? Uni.createFrom().voidItem()
                        : keepOwnPolicy(s, uploadId, sha256, analyzerVersion, policySectionJson));
    }

    /** The {@code privacyPolicy} section of {@code facts} as JSON text for {@link #store} ("null" when absent). */
    public static String policySection(ObjectMapper mapper, JsonNode facts) {
        JsonNode p = facts == null ? null : facts.get("privacyPolicy");
        try {
            return p == null ? "null" : mapper.writeValueAsString(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("privacyPolicy section does not serialise", e);
        }
    }

    /**
     * When the stored row of the binary, written by an earlier upload of the same bytes, holds another privacyPolicy
     * section than this upload's, this upload's goes to upload_policy (replacing one a re-analysis under the same
     * version had left; none when they are the same).
     */
    private static Uni<Void> keepOwnPolicy(Mutiny.Session s, String uploadId, String sha256, String analyzerVersion,
                                           String policySectionJson) {
        return s.createNativeQuery("delete from upload_policy where upload_id = :up and analyzer_version = :ver")
                .setParameter("up", uploadId).setParameter("ver", analyzerVersion).executeUpdate()
                .chain(() -> s.createNativeQuery("insert into upload_policy (upload_id, analyzer_version, section)"
                        + " select :up, :ver, cast(cast(:section as text) as jsonb)"
                        + " from facts f where f.sha256 = :sha and f.analyzer_version = :ver"
                        + " and coalesce(f.document -> 'privacyPolicy', cast('null' as jsonb))"
                        + "   is distinct from cast(cast(:section as text) as jsonb)"
                        + " on conflict (upload_id, analyzer_version) do update set section = excluded.section")
                .setParameter("up", uploadId).setParameter("ver", analyzerVersion).setParameter("sha", sha256)
                .setParameter("section", policySectionJson).executeUpdate()).replaceWithVoid();
    }

    /** The stored Facts of {@code v} (its binary and analyzer version, its own policy), or null; inside a session. */
    public Uni<JsonNode> of(Verdict v) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select " + documentTextOf("f", ":up") + " from facts f"
                                + " where f.sha256 = :sha and f.analyzer_version = :ver", String.class)
                .setParameter("sha", v.sha256).setParameter("ver", v.analyzerVersion).setParameter("up", v.uploadId)
                .getResultList())
                .map(docs -> {
                    if (docs.isEmpty()) {
                        return null;
                    }
                    try {
                        return mapper.readTree(docs.get(0));
                    } catch (IOException e) {
                        throw new UncheckedIOException("stored facts of " + v.sha256 + " are not JSON", e);
                    }
                });
    }
}
