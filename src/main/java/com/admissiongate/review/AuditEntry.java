package com.admissiongate.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** One row of the append-only audit log (table {@code audit_log}; the database refuses UPDATE, DELETE, TRUNCATE). */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    /** Subject of the caller's token (the reviewer or admin), or {@code system:<job>} for scheduled jobs. */
    @Column(nullable = false)
    public String actor;

    /** See {@link AuditAction}. */
    @Column(nullable = false)
    public String action;

    /** What was changed: {@code upload:<id>}, {@code package:<name>}, {@code pack:<version>}. */
    @Column(nullable = false)
    public String target;

    @Column(nullable = false)
    public String reason;

    @ColumnTransformer(read = "before::text", write = "cast(cast(? as text) as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String before;

    @ColumnTransformer(read = "after::text", write = "cast(cast(? as text) as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String after;
}
