package com.admissiongate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official SARIF 2.1.0 schema (src/test/resources/sarif, see the README there), with format checks on. */
public final class SarifSchema {

    private static JsonSchema schema;

    private SarifSchema() {
    }

    public static synchronized List<String> problems(JsonNode sarif) {
        if (schema == null) {
            try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-2.1.0.json")) {
                // the file declares draft 2020-12 (its $refs still use #/definitions)
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema.validate(sarif).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
