package com.admissiongate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts JSON-shaped Java values to what the CEL runtime expects and back.
 *
 * <p>CEL integers are {@code long} and doubles are {@code double}; a Java {@code null} inside a map is
 * treated by cel-java as an unknown value rather than {@code null}, so it must become
 * {@link NullValue#NULL_VALUE} or {@code x == null} would not evaluate.
 */
public final class CelValues {

    private CelValues() {
    }

    /** Deep copy of a JSON-shaped map with CEL-compatible leaves; {@code null} becomes an empty map. */
    public static Map<String, Object> toCelMap(Map<String, ?> value) {
        if (value == null) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> converted = (Map<String, Object>) toCel(value);
        return converted;
    }

    public static Object toCel(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof NullValue) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).doubleValue();
        }
        if (value instanceof JsonNode) {
            return fromJson((JsonNode) value);
        }
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), toCel(e.getValue()));
            }
            return out;
        }
        if (value instanceof Collection) {
            Collection<?> list = (Collection<?>) value;
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(toCel(o));
            }
            return out;
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        return value.toString();
    }

    /** Converts a Jackson tree directly (no intermediate Integer boxing). */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, node.size() * 2));
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                out.put(e.getKey(), fromJson(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                out.add(fromJson(item));
            }
            return out;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** Converts a CEL result back to plain Java (lists, maps, strings, longs, doubles, booleans, null). */
    public static Object toJava(Object value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.put(String.valueOf(toJava(e.getKey())), toJava(e.getValue()));
            }
            return out;
        }
        if (value instanceof Collection) {
            List<Object> out = new ArrayList<>();
            for (Object o : (Collection<?>) value) {
                out.add(toJava(o));
            }
            return out;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        return value.toString();
    }
}
