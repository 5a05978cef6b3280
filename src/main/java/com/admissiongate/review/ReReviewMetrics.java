package com.admissiongate.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-review and deadline progress at /q/metrics: counters per outcome, plus the selected/done gauges of the runs
 * in progress on this replica, so a dashboard shows how far a catalog-wide run is.
 */
@ApplicationScoped
public class ReReviewMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong selected = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();

    public ReReviewMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("gate.rereview.running", running, AtomicInteger::get)
                .description("re-review runs in progress on this replica").register(registry);
        Gauge.builder("gate.rereview.selected", selected, AtomicLong::get)
                .description("apps selected by the runs in progress on this replica").register(registry);
        Gauge.builder("gate.rereview.processed", processed, AtomicLong::get)
                .description("selected apps already processed by the runs in progress on this replica").register(registry);
    }

    void started(int selectedApps) {
        running.incrementAndGet();
        selected.addAndGet(selectedApps);
    }

    void page(String trigger, ReReviewRuns.PageCounts c) {
        count("evaluated", trigger, c.evaluated());
        count("changed", trigger, c.changed());
        count("unchanged", trigger, c.unchanged());
        count("reanalysis", trigger, c.reanalysis());
        count("failed", trigger, c.failed());
        count("skipped", trigger, c.skipped());
        processed.addAndGet(c.evaluated() + c.reanalysis() + c.failed() + c.skipped());
    }

    void finished(int selectedApps, ReReviewRuns.PageCounts total) {
        running.decrementAndGet();
        selected.addAndGet(-selectedApps);
        processed.addAndGet(-(total.evaluated() + total.reanalysis() + total.failed() + total.skipped()));
    }

    /** Apps a page settled by reusing stored rule results, and apps it evaluated in full after the check. */
    void reuse(int reused, int full) {
        if (reused > 0) {
            Counter.builder("gate.rereview.reuse").tag("path", "reused").description(
                    "apps whose stored results were reused (unchanged) or that were evaluated in full after the check")
                    .register(registry).increment(reused);
        }
        if (full > 0) {
            Counter.builder("gate.rereview.reuse").tag("path", "full").description(
                    "apps whose stored results were reused (unchanged) or that were evaluated in full after the check")
                    .register(registry).increment(full);
        }
    }

    void expired() {
        Counter.builder("gate.deadline.expired").description("RECTIFY decisions turned into REJECT after their deadline")
                .register(registry).increment();
    }

    private void count(String outcome, String trigger, int n) {
        if (n > 0) {
            Counter.builder("gate.rereview.apps").tag("outcome", outcome).tag("trigger", trigger)
                    .description("apps processed by re-review runs, by outcome").register(registry).increment(n);
        }
    }
}
