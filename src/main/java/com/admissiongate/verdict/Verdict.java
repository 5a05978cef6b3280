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

/** Stored verdict of one upload (table {@code verdict}); never exposed directly through the API. */
@Entity
@Table(name = "verdict")
public class Verdict extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "upload_id", nullable = false, unique = true)
    public String uploadId;

    @Column(name = "package_name", nullable = false)
    public String packageName;

    @Column(name = "version_code", nullable = false)
    public long versionCode;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "developer_id")
    public String developerId;

    @Column(name = "app_type")
    public String appType;

    @Column(name = "minors_targeted", nullable = false)
    public boolean minorsTargeted;

    @Column(nullable = false)
    public String decision;

    @Column(name = "rectify_by")
    public LocalDate rectifyBy;

    @Column(nullable = false)
    public boolean retryable;

    @Column(nullable = false)
    public String reason;

    @Column(name = "rule_pack_version", nullable = false)
    public String rulePackVersion;

    @Column(name = "analyzer_version", nullable = false)
    public String analyzerVersion;

    @Column(name = "signer_sha256")
    public String signerSha256;

    /** JSON array of findings, as published. Cast at the column: the reactive driver cannot map a jsonb array to String. */
    @ColumnTransformer(read = "findings::text", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String findings;

    /** The submission metadata as received (event data). */
    @ColumnTransformer(read = "submission::text", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String submission;

    /** Time of the current decision (the upload decision, or the latest override / re-review). */
    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** 1 for the upload decision; +1 for every later decision (override, re-review, expiry). */
    @Column(nullable = false)
    public int revision = 1;

    /** Reviewer whose override produced the current decision; null when the gate decided. */
    @Column(name = "overridden_by")
    public String overriddenBy;
}
