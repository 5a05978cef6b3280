package com.admissiongate.analysis;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One activation of a rule pack (table {@code rule_pack_activation}, append-only); the newest row is active. */
@Entity
@Table(name = "rule_pack_activation")
public class PackActivation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String version;

    @Column(name = "activated_by", nullable = false)
    public String activatedBy;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(nullable = false)
    public String reason;
}
