package com.admissiongate.verdict;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A deliberate signing-key change an operator registered for a package (table {@code signing_key_change}). */
@Entity
@Table(name = "signing_key_change")
public class SigningKeyChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "package_name", nullable = false)
    public String packageName;

    @Column(name = "new_cert_sha256", nullable = false)
    public String newCertSha256;

    @Column(nullable = false)
    public String reason;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
