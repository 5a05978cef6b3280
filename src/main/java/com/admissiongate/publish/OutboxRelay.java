package com.admissiongate.publish;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.MutinyEmitter;
import com.admissiongate.config.GateConfig;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka and marks them sent. Rows are claimed with FOR UPDATE SKIP LOCKED so several
 * replicas can relay side by side; a row is marked sent only after the broker acknowledged it, so a crash between
 * send and commit re-sends it (at least once; the CloudEvent id is stable for deduplication).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> decisions;
    private final GateConfig config;
    private final AtomicBoolean running = new AtomicBoolean();

    public OutboxRelay(@Channel("decisions") MutinyEmitter<String> decisions, GateConfig config) {
        this.decisions = decisions;
        this.config = config;
    }

    // the delay lets the Kafka emitter connect before the first run
    @Scheduled(every = "${gate.outbox.poll-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-relay")
    Uni<Void> poll() {
        return relayOnce().replaceWithVoid();
    }

    /** Relays one batch; returns the number of rows published. Safe to call from anywhere, at any time. */
    public Uni<Integer> relayOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select * from outbox where sent_at is null order by id limit :n for update skip locked",
                                OutboxEvent.class)
                        .setParameter("n", config.outbox().batchSize())
                        .getResultList()
                        .chain(rows -> publishAll(rows))))
                .onFailure().invoke(e -> LOG.warnf("outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithItem(0)
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> publishAll(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Sequential per batch keeps per-key order (a package's decisions stay ordered on its partition).
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> send(row).invoke(() -> {
                    row.sentAt = Instant.now();
                    row.attempts++;
                }))
                .collect().asList()
                .map(List::size);
    }

    private Uni<Void> send(OutboxEvent row) {
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic).withKey(row.msgKey)
                .withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders()
                        .add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        return decisions.sendMessage(Message.of(row.payload).addMetadata(meta));
    }
}
