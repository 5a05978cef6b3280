package com.admissiongate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON Schemas for rule and pack files, read from the classpath so validation works from the jar.
 * The canonical copies live in {@code src/main/resources/policies/}; {@code contracts/policy/} holds
 * byte-identical copies for readers of the contract (a test keeps them identical).
 */
final class PolicySchemas {

    static final String RULE_SCHEMA = "policies/rule.schema.json";
    static final String PACK_SCHEMA = "policies/pack.schema.json";

    private final JsonSchema ruleSchema;
    private final JsonSchema packSchema;

    PolicySchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.ruleSchema = load(factory, RULE_SCHEMA);
        this.packSchema = load(factory, PACK_SCHEMA);
    }

    private static JsonSchema load(JsonSchemaFactory factory, String resource) {
        try (InputStream in = PolicySchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " missing from the classpath");
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> validateRule(JsonNode node, String file) {
        return format(ruleSchema.validate(node), file);
    }

    List<String> validatePack(JsonNode node, String file) {
        return format(packSchema.validate(node), file);
    }

    private static List<String> format(Set<ValidationMessage> messages, String file) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            out.add(file + ": schema: " + m.getMessage());
        }
        out.sort(null);
        return out;
    }
}
