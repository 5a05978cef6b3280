package com.admissiongate.verdict;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The hot read (verdict by upload id) as one prepared statement on the reactive pool: no ORM session, no entity
 * hydration, only the columns the API shows, and the findings as the stored JSON text (before/after figures:
 * loadtest/README.md, REST mix).
 */
@ApplicationScoped
public class VerdictReads {

    /** A stored verdict as the API shows it; {@code findingsJson} is the stored JSON array, verbatim. */
    public record VerdictRecord(String uploadId, String packageName, long versionCode, String sha256, String developerId,
                        String appType, boolean minorsTargeted, String decision, LocalDate rectifyBy, boolean retryable,
                        String reason, String rulePackVersion, String analyzerVersion, String signerSha256,
                        String findingsJson, Instant decidedAt, int revision, String overriddenBy) {
    }

    private static final String BY_UPLOAD_ID = "select upload_id, package_name, version_code, sha256, developer_id, app_type, "
            + "minors_targeted, decision, rectify_by, retryable, reason, rule_pack_version, analyzer_version, signer_sha256, "
            + "findings::text, decided_at, revision, overridden_by from verdict where upload_id = $1";

    private final Pool pool;

    public VerdictReads(Pool pool) {
        this.pool = pool;
    }

    /** The verdict of one upload, or null. */
    public Uni<VerdictRecord> byUploadId(String uploadId) {
        return pool.preparedQuery(BY_UPLOAD_ID).execute(Tuple.of(uploadId)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            return it.hasNext() ? map(it.next()) : null;
        });
    }

    private static VerdictRecord map(Row r) {
        java.time.OffsetDateTime decided = r.getOffsetDateTime(15);
        return new VerdictRecord(r.getString(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                r.getBoolean(6), r.getString(7), r.getLocalDate(8), r.getBoolean(9), r.getString(10), r.getString(11),
                r.getString(12), r.getString(13), r.getString(14),
                decided == null ? null : decided.withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                r.getInteger(16), r.getString(17));
    }
}
