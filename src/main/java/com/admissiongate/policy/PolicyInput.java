package com.admissiongate.policy;

import com.google.protobuf.NullValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four CEL variables, converted once per submission with {@link CelValues}, plus what the facts say
 * about incomplete analysis (used to fail closed on rules that {@code need} those areas).
 */
public final class PolicyInput {

    /** Area name used when {@code facts.complete} is false but no area is named: every area is suspect. */
    static final String ALL_AREAS = "*";

    private final Map<String, Object> facts;
    private final Map<String, Object> submission;
    private final Map<String, Object> history;
    private final Map<String, Object> catalog;
    private final Map<String, String> incomplete; // area -> reason

    private PolicyInput(Map<String, Object> facts, Map<String, Object> submission, Map<String, Object> history,
            Map<String, Object> catalog) {
        this.facts = facts;
        this.submission = submission;
        this.history = history;
        this.catalog = catalog;
        this.incomplete = Collections.unmodifiableMap(incompleteAreas(facts));
    }

    /** Null maps become empty maps (rules reading them then ERROR, which fails closed). */
    public static PolicyInput of(Map<String, ?> facts, Map<String, ?> submission, Map<String, ?> history,
            Map<String, ?> catalog) {
        return new PolicyInput(CelValues.toCelMap(facts), CelValues.toCelMap(submission),
                CelValues.toCelMap(history), CelValues.toCelMap(catalog));
    }

    /**
     * Values that already are CEL values ({@link CelValues#toCelMap} or {@link CelJson} output), used as they are: no
     * deep copy. For inputs converted once and shared, such as the catalog view, or read straight from JSON text.
     * Null maps become empty maps, as in {@link #of}.
     */
    public static PolicyInput ofCel(Map<String, Object> facts, Map<String, Object> submission,
            Map<String, Object> history, Map<String, Object> catalog) {
        return new PolicyInput(facts == null ? Map.of() : facts, submission == null ? Map.of() : submission,
                history == null ? Map.of() : history, catalog == null ? Map.of() : catalog);
    }

    private static Map<String, String> incompleteAreas(Map<String, Object> facts) {
        Map<String, String> out = new LinkedHashMap<>();
        Object list = facts.get("incomplete");
        if (list instanceof List) {
            for (Object item : (List<?>) list) {
                if (item instanceof Map) {
                    Object area = ((Map<?, ?>) item).get("area");
                    Object reason = ((Map<?, ?>) item).get("reason");
                    if (area instanceof String) {
                        out.merge((String) area, reason instanceof String ? (String) reason : "",
                                (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b);
                    }
                }
            }
        }
        Object complete = facts.get("complete");
        // absent, null or false all count as "not known to be complete"
        if (!Boolean.TRUE.equals(complete) && out.isEmpty()) {
            out.put(ALL_AREAS, complete == null || complete instanceof NullValue
                    ? "facts.complete missing" : "facts.complete=false without incomplete[] areas");
        }
        return out;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    public Map<String, Object> submission() {
        return submission;
    }

    public Map<String, Object> history() {
        return history;
    }

    public Map<String, Object> catalog() {
        return catalog;
    }

    /** Incomplete areas and their reasons, from {@code facts.incomplete[]}. */
    public Map<String, String> incompleteAreas() {
        return incomplete;
    }
}
