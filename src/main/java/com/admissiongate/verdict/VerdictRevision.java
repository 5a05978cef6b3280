package com.admissiongate.verdict;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;

/** One published decision of an upload (table {@code verdict_revision}, append-only in the database). */
@Entity
@Table(name = "verdict_revision")
public class VerdictRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "upload_id", nullable = false)
    public String uploadId;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String decision;

    @Column(name = "rectify_by")
    public LocalDate rectifyBy;

    /** UPLOAD, OVERRIDE, RE_REVIEW, RECTIFY_EXPIRED or RESCAN. */
    @Column(nullable = false)
    public String reason;

    @Column(name = "rule_pack_version", nullable = false)
    public String rulePackVersion;

    @ColumnTransformer(read = "findings::text", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String findings;

    /** {@link FindingsDiff} against the previous revision as JSON; null for revision 1. */
    @ColumnTransformer(read = "changes::text", write = "cast(cast(? as text) as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String changes;

    @Column(name = "overridden_by")
    public String overriddenBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    static VerdictRevision of(Verdict v, String changes) {
        VerdictRevision r = new VerdictRevision();
        r.uploadId = v.uploadId;
        r.revision = v.revision;
        r.decision = v.decision;
        r.rectifyBy = v.rectifyBy;
        r.reason = v.reason;
        r.rulePackVersion = v.rulePackVersion;
        r.findings = v.findings;
        r.changes = changes;
        r.overriddenBy = v.overriddenBy;
        r.decidedAt = v.decidedAt;
        return r;
    }
}
