package com.admissiongate.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** store.listings through the real broker into the listing table: order by `at`, redelivery, DLQ. */
@QuarkusTest
@io.quarkus.test.common.WithTestResource(JwtTestKeys.class)
class ListingListenerTests extends StackTest {

    static final String SHA1 = "a".repeat(64);
    static final String SHA2 = "b".repeat(64);

    @Inject
    Pool pool;

    static String event(String id, String pkg, long vc, String sha, String state, String at) {
        ObjectNode ce = StackClient.JSON.createObjectNode();
        ce.put("specversion", "1.0").put("id", id).put("source", "/release-pipeline")
                .put("type", "com.admissiongate.listing.changed.v1").put("datacontenttype", "application/json");
        ce.putObject("data").put("package", pkg).put("versionCode", vc).put("sha256", sha).put("state", state).put("at", at);
        return ce.toString();
    }

    /** Waits until the listing of {@code pkg} has event id {@code eventId}; returns the row. */
    Row awaitListing(String pkg, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Row> rows = new ArrayList<>();
            pool.preparedQuery("select state, version_code, sha256, event_id from listing where package_name = $1")
                    .execute(Tuple.of(pkg)).await().indefinitely().forEach(rows::add);
            if (!rows.isEmpty() && rows.get(0).getString("event_id").equals(eventId)) {
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("listing of " + pkg + " never reached event " + eventId);
    }

    @Test
    void keepsTheLatestListingByItsTime_soLateAndRedeliveredEventsNeverRegressIt() throws Exception {
        String pkg = "com.example.listing" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String listed = event("e-listed", pkg, 2, SHA2, "LISTED", "2031-05-02T10:00:00Z");
        stack.publish("store.listings", pkg, listed);
        Row r = awaitListing(pkg, "e-listed");
        assertThat(r.getString("state")).isEqualTo("LISTED");
        assertThat(r.getLong("version_code")).isEqualTo(2L);

        // older than what is stored (arrives late) and a redelivery of the stored one; then a marker to wait on
        stack.publish("store.listings", pkg, event("e-old", pkg, 1, SHA1, "DELISTED", "2031-05-01T10:00:00Z"));
        stack.publish("store.listings", pkg, listed);
        stack.publish("store.listings", pkg, event("e-suspended", pkg, 2, SHA2, "SUSPENDED", "2031-05-03T10:00:00Z"));
        Row after = awaitListing(pkg, "e-suspended");
        assertThat(after.getString("state")).isEqualTo("SUSPENDED");

        // the late DELISTED of version 1 must not have been applied at any point after the LISTED one
        stack.publish("store.listings", pkg, event("e-old-again", pkg, 1, SHA1, "LISTED", "2031-05-01T11:00:00Z"));
        stack.publish("store.listings", pkg, event("e-marker", pkg, 2, SHA2, "SUSPENDED", "2031-05-03T10:00:00Z"));
        Row last = awaitListing(pkg, "e-marker");
        assertThat(last.getString("sha256")).isEqualTo(SHA2);
        assertThat(last.getLong("version_code")).isEqualTo(2L);
        assertThat(last.getString("state")).isEqualTo("SUSPENDED");
    }

    @Test
    void anInvalidListingEventGoesToTheDlqWithItsReason() throws Exception {
        String pkg = "com.example.badlisting" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String bad = event("e-bad-" + UUID.randomUUID(), pkg, 1, "not-a-digest", "LISTED", "2031-05-01T10:00:00Z");

        stack.publish("store.listings", pkg, bad);
        stack.publish("store.listings", pkg, "{not json " + pkg);

        List<ConsumerRecord<String, String>> dlq = stack.read("store.listings.dlq", rec -> rec.value().contains(pkg), 2,
                Duration.ofSeconds(30));
        assertThat(dlq).hasSize(2);
        assertThat(reason(dlq.get(0))).startsWith("EVENT_SCHEMA_INVALID").contains("sha256");
        assertThat(reason(dlq.get(1))).startsWith("EVENT_NOT_JSON");
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select 1 from listing where package_name = $1").execute(Tuple.of(pkg)).await().indefinitely()
                .forEach(rows::add);
        assertThat(rows).isEmpty();
    }

    static String reason(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
