package com.admissiongate.ingest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Consumes store.listings and keeps the current listing per package. At least once and possibly out of order:
 * the upsert only replaces a row whose {@code at} is not newer than the event's, so a redelivered or late event
 * never moves a package back to an older state. Invalid events are nacked and land in store.listings.dlq with the
 * reason; the offset is committed after the upsert.
 */
@ApplicationScoped
public class ListingListener {

    public static final String CHANNEL = "listings";
    private static final Logger LOG = Logger.getLogger(ListingListener.class);

    private static final String UPSERT = "insert into listing (package_name, version_code, sha256, state, at, event_id, updated_at) "
            + "values (:pkg, :vc, :sha, :state, :at, :id, :now) "
            + "on conflict (package_name) do update set version_code = excluded.version_code, sha256 = excluded.sha256, "
            + "state = excluded.state, at = excluded.at, event_id = excluded.event_id, updated_at = excluded.updated_at "
            + "where listing.at <= excluded.at";

    private final ListingEventParser parser;
    private final Clock clock;

    public ListingListener(ListingEventParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> onListing(String payload) {
        ListingEvent event;
        try {
            event = parser.parse(payload);
        } catch (InvalidEventException e) {
            LOG.warnf("listing event rejected to DLQ: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return apply(event).invoke(applied -> {
            if (!applied) {
                LOG.debugf("listing event %s for %s at %s is older than the stored one; ignored", event.id(),
                        event.packageName(), event.at());
            }
        }).replaceWithVoid();
    }

    /** Upserts the listing; true when it changed the row, false when a newer state was already stored. */
    public Uni<Boolean> apply(ListingEvent e) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("pkg", e.packageName()).setParameter("vc", e.versionCode())
                .setParameter("sha", e.sha256()).setParameter("state", e.state())
                .setParameter("at", e.at()).setParameter("id", e.id()).setParameter("now", clock.instant())
                .executeUpdate())).map(n -> n > 0);
    }
}
