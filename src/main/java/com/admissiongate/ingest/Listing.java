package com.admissiongate.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The current listing of one package (table {@code listing}), as the store's release pipeline last reported it. */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

    @Id
    @Column(name = "package_name")
    public String packageName;

    @Column(name = "version_code", nullable = false)
    public long versionCode;

    @Column(nullable = false)
    public String sha256;

    /** LISTED, DELISTED or SUSPENDED. */
    @Column(nullable = false)
    public String state;

    /** When the store changed the listing (event data.at); orders events of one package. */
    @Column(nullable = false)
    public Instant at;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
