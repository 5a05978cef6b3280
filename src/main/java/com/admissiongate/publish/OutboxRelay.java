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
    /** Sends awaiting their acknowledgement at once within a batch. */
    private static final int IN_FLIGHT = 64;
    /** Upper bound of one relay run, so a huge backlog does not hold one caller (an upload's ack) for long. */
    private static final int MAX_ROWS_PER_RUN = 20_000;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

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

    /**
     * Relays everything unsent, batch after batch; returns the number of rows published. Safe to call from anywhere,
     * at any time: a call that arrives while a relay is running asks that relay to look again instead of waiting for
     * the next scheduled period (a kick after a commit must not add a second of latency).
     */
    public Uni<Integer> relayOnce() {
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        // deferred: a failure while building the transaction (e.g. no usable context) must still reset `running`,
        // otherwise the relay would stay "busy" forever and nothing would be published again
        return Uni.createFrom().deferred(() -> drain(0)).eventually(() -> running.set(false));
    }

    private Uni<Integer> drain(int published) {
        again.set(false);
        return Uni.createFrom().deferred(this::batch)
                .onFailure().invoke(e -> LOG.warnf("outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithItem(-1)
                .chain(n -> {
                    if (n < 0) {
                        return Uni.createFrom().item(published);
                    }
                    // a full batch means more rows wait; a kick during the batch means a new commit may be waiting
                    boolean more = n >= config.outbox().batchSize() || again.get();
                    return more && n + published < MAX_ROWS_PER_RUN ? drain(published + n) : Uni.createFrom().item(published + n);
                });
    }

    private Uni<Integer> batch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select * from outbox where sent_at is null order by id limit :n for update skip locked",
                        OutboxEvent.class)
                .setParameter("n", config.outbox().batchSize())
                .getResultList()
                .chain(this::publishAll)));
    }

    private Uni<Integer> publishAll(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Sent in id order with many in flight: the idempotent producer keeps per-partition order (a package's
        // decisions stay ordered), and a row is marked sent only after its own acknowledgement. Waiting for each ack
        // before the next send capped the relay at one round trip per decision.
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUni(row -> send(row).invoke(() -> {
                    row.sentAt = Instant.now();
                    row.attempts++;
                })).merge(IN_FLIGHT)
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
