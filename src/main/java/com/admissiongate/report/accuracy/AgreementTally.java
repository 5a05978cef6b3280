package com.admissiongate.report.accuracy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-field agreement counts between the analyzer and an oracle, with every disagreement kept verbatim so the
 * report can list it. Fields appear in the order they were first compared.
 */
public final class AgreementTally {

    /** One comparison that did not agree; {@code explanation} is null when nothing known accounts for it. */
    public record Disagreement(String field, String apk, String ours, String oracle, String explanation) {
        public boolean explained() {
            return explanation != null;
        }
    }

    /** Agreement of one field over all APKs where the oracle had a value. */
    public record FieldCount(String field, int agree, int total, List<Disagreement> disagreements) {
        public double percent() {
            return total == 0 ? 100.0 : 100.0 * agree / total;
        }
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<Disagreement> disagreements = new ArrayList<>();
    private final List<Disagreement> notes = new ArrayList<>();

    /** Records one comparison; unequal values become a disagreement with the explanation given (may be null). */
    public boolean compare(String field, String apk, Object ours, Object oracle, String explanation) {
        boolean agree = Objects.equals(ours, oracle);
        record(field, apk, agree, String.valueOf(ours), String.valueOf(oracle), explanation);
        return agree;
    }

    public void record(String field, String apk, boolean agree, String ours, String oracle, String explanation) {
        int[] c = counts.computeIfAbsent(field, k -> new int[2]);
        c[1]++;
        if (agree) {
            c[0]++;
        } else {
            disagreements.add(new Disagreement(field, apk, ours, oracle, explanation));
        }
    }

    /** Informational rows that are not comparisons (e.g. SDKs outside what the oracle looks at). */
    public void note(String field, String apk, String ours, String oracle, String explanation) {
        notes.add(new Disagreement(field, apk, ours, oracle, explanation));
    }

    public List<FieldCount> fields() {
        List<FieldCount> out = new ArrayList<>();
        counts.forEach((field, c) -> out.add(new FieldCount(field, c[0], c[1],
                disagreements.stream().filter(d -> d.field().equals(field)).toList())));
        return out;
    }

    public FieldCount field(String field) {
        int[] c = counts.getOrDefault(field, new int[2]);
        return new FieldCount(field, c[0], c[1], disagreements.stream().filter(d -> d.field().equals(field)).toList());
    }

    public List<Disagreement> disagreements() {
        return Collections.unmodifiableList(disagreements);
    }

    public List<Disagreement> notes() {
        return Collections.unmodifiableList(notes);
    }

    public int agreeTotal() {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    public int comparedTotal() {
        return counts.values().stream().mapToInt(c -> c[1]).sum();
    }
}
