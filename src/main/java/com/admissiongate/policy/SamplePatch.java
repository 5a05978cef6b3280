package com.admissiongate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merge patch for sample documents: RFC 7386 (objects merge recursively, arrays and scalars replace),
 * except that {@code null} <em>sets</em> null and the string {@value #DELETE} removes a key. The Facts
 * contract keeps every field present with null for "unknown", so samples need to write null far more
 * often than they need to remove a key.
 */
public final class SamplePatch {

    public static final String DELETE = "$delete";

    private SamplePatch() {
    }

    /** @return a new tree; neither argument is modified */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null) {
            return target == null ? null : target.deepCopy();
        }
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getValue().isTextual() && DELETE.equals(e.getValue().asText())) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }
}
