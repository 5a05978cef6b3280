package com.admissiongate.apk.internal.arsc;

import java.util.Map;

/**
 * What the analyzer keeps from resources.arsc: default-config simple values by resource id
 * (packed as {@code type << 32 | data}) plus their string forms, and collected string
 * resources per locale bucket ("default", "zh").
 */
public final class ResourceTable {

    static final int TYPE_REFERENCE = 0x01;
    static final int TYPE_STRING = 0x03;

    private final Map<Integer, Long> values;
    private final Map<Integer, String> strings;
    private final Map<String, Map<String, String>> localeStrings;

    public ResourceTable(Map<Integer, Long> values, Map<Integer, String> strings,
            Map<String, Map<String, String>> localeStrings) {
        this.values = values;
        this.strings = strings;
        this.localeStrings = localeStrings;
    }

    public static ResourceTable empty() {
        return new ResourceTable(Map.of(), Map.of(), com.admissiongate.apk.ResourcesFacts.noStrings());
    }

    /** Default-config string value of {@code resId}, following up to 8 references; null if none. */
    public String resolveString(int resId) {
        int id = resId;
        for (int hop = 0; hop < 8; hop++) {
            String s = strings.get(id);
            if (s != null) {
                return s;
            }
            Long v = values.get(id);
            if (v == null || (int) (v >>> 32) != TYPE_REFERENCE) {
                return null;
            }
            id = (int) (long) v;
        }
        return null;
    }

    public Map<String, Map<String, String>> localeStrings() {
        return localeStrings;
    }
}
