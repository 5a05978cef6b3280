package com.admissiongate.analysis.behaviour;

/**
 * Where one behaviour analysis spent its time, for benchmarks ({@code ./gate bench stages}): nanoseconds per phase,
 * added up over every analysis given the same instance. Not thread-safe; not part of the Facts.
 */
public final class BehaviourPhases {

    /** The phases in the order the analysis runs them. */
    public enum Phase {
        /** Class tables, then the per-method sweep building each method's sites and type uses (CallGraph). */
        SCAN,
        /** Call, clinit, async and listener edges from the sweep's results (CallGraph). */
        EDGES,
        /** Entry points, pre-consent reachability, permission behaviour. */
        PRE_CONSENT,
        /** Code patterns, periodic work, lifecycle/clipboard, reachability of the patterns. */
        PATTERNS,
        /** Source → sink flows. */
        FLOWS
    }

    private final long[] nanos = new long[Phase.values().length];
    private int analyses;

    void add(Phase p, long ns) {
        nanos[p.ordinal()] += ns;
    }

    void countAnalysis() {
        analyses++;
    }

    public long nanos(Phase p) {
        return nanos[p.ordinal()];
    }

    public int analyses() {
        return analyses;
    }

    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        analyses = 0;
    }
}
