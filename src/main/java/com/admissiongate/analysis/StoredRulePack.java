package com.admissiongate.analysis;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An uploaded rule pack (table {@code rule_pack}, rows immutable): the zip as validated, keyed by pack version. */
@Entity
@Table(name = "rule_pack")
public class StoredRulePack extends PanacheEntityBase {

    @Id
    public String version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String semver;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;

    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false, columnDefinition = "bytea")
    public byte[] archive;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
