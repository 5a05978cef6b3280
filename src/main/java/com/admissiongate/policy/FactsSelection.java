package com.admissiongate.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parts of a Facts document some rules read, two levels deep: top-level section → the keys of it they read, or
 * the whole section (an empty set of keys here means whole). A rule that reads {@code facts.manifest.targetSdk} and
 * {@code facts.manifest.permissions} needs those two keys of {@code manifest}, not its components; one that reads
 * {@code facts.sdks.filter(…)} or {@code 'x' in facts.manifest} needs the whole section. Re-review's page query sends
 * only these parts (ReReviewSelector), {@link #select} is the same filter in Java.
 */
public final class FactsSelection {

    private final Map<String, Set<String>> parts;

    private FactsSelection(Map<String, Set<String>> parts) {
        this.parts = parts;
    }

    public static FactsSelection none() {
        return new FactsSelection(new TreeMap<>());
    }

    /** Whole sections {@code sections}. */
    public static FactsSelection of(Set<String> sections) {
        FactsSelection s = none();
        sections.forEach(s::whole);
        return s;
    }

    /** Adds section {@code section} as a whole. */
    public FactsSelection whole(String section) {
        parts.put(section, Set.of());
        return this;
    }

    /** Adds key {@code key} of section {@code section}, unless the whole section is in already. */
    public FactsSelection key(String section, String key) {
        Set<String> keys = parts.get(section);
        if (keys == null) {
            keys = new TreeSet<>();
            parts.put(section, keys);
        } else if (keys.isEmpty()) {
            return this; // whole already
        }
        keys.add(key);
        return this;
    }

    /** Adds everything {@code other} selects. */
    public FactsSelection add(FactsSelection other) {
        other.parts.forEach((section, keys) -> {
            if (keys.isEmpty()) {
                whole(section);
            } else {
                keys.forEach(k -> key(section, k));
            }
        });
        return this;
    }

    /** Section → keys read, an empty set meaning the whole section; sorted. */
    public Map<String, Set<String>> parts() {
        Map<String, Set<String>> out = new TreeMap<>();
        parts.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return out;
    }

    /** The sections needed whole. */
    public Set<String> wholeSections() {
        Set<String> out = new TreeSet<>();
        parts.forEach((k, v) -> {
            if (v.isEmpty()) {
                out.add(k);
            }
        });
        return out;
    }

    /**
     * {@code facts} (CEL values of a whole document) cut to this selection, as the page query cuts the jsonb: sections
     * not selected are left out; of a section selected by keys, only those keys are kept when it is an object (an
     * object with none of them becomes empty), and anything else is kept as it is.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> select(Map<String, Object> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.forEach((section, value) -> {
            Set<String> keys = parts.get(section);
            if (keys == null) {
                return;
            }
            if (keys.isEmpty() || !(value instanceof Map)) {
                out.put(section, value);
                return;
            }
            Map<String, Object> cut = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> {
                if (keys.contains(k)) {
                    cut.put(k, v);
                }
            });
            out.put(section, cut);
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactsSelection s && parts().equals(s.parts());
    }

    @Override
    public int hashCode() {
        return parts().hashCode();
    }

    @Override
    public String toString() {
        return parts().toString();
    }
}
