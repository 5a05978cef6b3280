package com.admissiongate.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** The pipeline's Prometheus metrics (exposed at /q/metrics). */
@ApplicationScoped
public class GateMetrics {

    private final MeterRegistry registry;
    private final Counter consumed;
    private final Counter dlq;
    private final Counter duplicates;
    private final Timer latency;

    public GateMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.consumed = Counter.builder("gate.events.consumed").description("upload events received").register(registry);
        this.dlq = Counter.builder("gate.dlq").description("upload events sent to the DLQ").register(registry);
        this.duplicates = Counter.builder("gate.events.duplicate")
                .description("redelivered upload events that already had a verdict").register(registry);
        this.latency = Timer.builder("gate.pipeline.latency").description("event received to verdict committed")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(2)).register(registry);
    }

    public void consumed() {
        consumed.increment();
    }

    public void deadLettered() {
        dlq.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    /**
     * An upload of bytes whose Facts were stored: {@code reused} when they stood in for the analysis, else analysed
     * again (an incomplete analysis, or a policy the stored row cannot give).
     */
    public void factsLookup(boolean reused) {
        Counter.builder("gate.facts.stored").tag("use", reused ? "reused" : "analysed")
                .description("uploads of a binary with stored Facts, by whether the Facts were reused")
                .register(registry).increment();
    }

    public void decided(String decision, long startNanos) {
        Counter.builder("gate.decisions").tag("decision", decision).description("verdicts by decision")
                .register(registry).increment();
        latency.record(Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
