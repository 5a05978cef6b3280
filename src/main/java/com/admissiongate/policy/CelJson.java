package com.admissiongate.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.protobuf.NullValue;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text straight into the values CEL evaluates ({@link LinkedHashMap}, {@link ArrayList}, {@code long},
 * {@code double}, {@code String}, {@code Boolean}, {@link NullValue}), in one streaming pass: no Jackson tree, no
 * {@code convertValue}, no second copy through {@link CelValues#toCel}. The result is exactly what
 * {@code CelValues.toCel(mapper.convertValue(mapper.readTree(json), Map.class))} gives (same key order, an integer
 * beyond {@code long} becomes a double, every float a double); re-review reads stored Facts this way because the tree
 * path cost a third of its CPU (docs/benchmarks.md).
 */
public final class CelJson {

    // the same nesting and length limits as a default ObjectMapper, so hostile text fails the same way
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.defaults()).build();

    private CelJson() {
    }

    /** A JSON object as a CEL map; {@code null} text gives an empty map, anything but an object is an error. */
    public static Map<String, Object> readObject(String json) throws IOException {
        if (json == null) {
            return Map.of();
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object, got " + first);
            }
            Map<String, Object> out = object(p);
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the JSON object");
            }
            return out;
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY:
                return array(p);
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return integer(p);
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NullValue.NULL_VALUE;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    private static Object integer(JsonParser p) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            return p.getLongValue();
        }
        BigInteger big = p.getBigIntegerValue();
        return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            out.put(name, value(p, p.nextToken()));
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("malformed JSON object");
        }
        return out;
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("unterminated JSON array");
            }
            out.add(value(p, t));
        }
        return out;
    }
}
