package com.admissiongate.privacy;

import java.time.Duration;

/** Cooperative time bound: loops call {@link #check} and a hostile document ends as TIMEOUT instead of a hang. */
final class Deadline {

    /** Thrown inside extraction, turned into a TIMEOUT problem by the caller. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("parse time limit reached", null, false, false);
        }
    }

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline in(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    void check() {
        if (System.nanoTime() - endNanos > 0) {
            throw new Expired();
        }
    }
}
