package com.admissiongate.analysis.behaviour;

/**
 * Bounds of one behaviour analysis. Hitting one never fails the analysis: the section is returned with what was
 * found and {@code complete=false}, and the facts name area {@code behaviour} as incomplete.
 *
 * @param maxEdges          call-graph edges built over all DEX
 * @param maxTargetsPerSite virtual/interface dispatch targets kept per call site
 * @param maxMillis         wall time for call graph plus all analyses
 * @param flowRounds        whole-program taint propagation rounds (the fixpoint usually settles in 3–4)
 * @param maxFindings       entries kept per list in the Facts section
 */
public record BehaviourLimits(int maxEdges, int maxTargetsPerSite, long maxMillis, int flowRounds, int maxFindings) {

    public static BehaviourLimits defaults() {
        return new BehaviourLimits(4_000_000, 1024, 20_000, 6, 200);
    }

    public BehaviourLimits validate() {
        if (maxEdges <= 0 || maxTargetsPerSite <= 0 || maxMillis <= 0 || flowRounds <= 0 || maxFindings <= 0) {
            throw new IllegalArgumentException("behaviour limits must be > 0: " + this);
        }
        return this;
    }
}
