package com.admissiongate.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java records and contracts/signing.schema.json must describe the same JSON. */
class SigningReportSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;
    private static TestKeys oldKey;
    private static TestKeys newKey;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("contracts/signing.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        oldKey = TestKeys.rsa("C=CN,CN=Schema Old", 2048);
        newKey = TestKeys.rsa("C=CN,CN=Schema New", 2048);
    }

    @Test
    void shouldMatchSchemaForRotatedV1V2V3Apk() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "schema-rotation", 21), "schema-rotation",
                new TestApks.Sign(true, true, true, 21, List.of(oldKey, newKey), TestApks.lineage(oldKey, newKey), 28, null));
        SigningReport report = new SigningVerifier().verify(apk, null, null);

        assertThat(report.lineage()).hasSize(2);
        assertThat(validate(report)).isEmpty();
    }

    @Test
    void shouldMatchSchemaForFailuresAndExceptions() throws Exception {
        Path garbage = dir.resolve("schema-garbage.apk");
        Files.writeString(garbage, "not a zip");
        Path v2Only = TestApks.sign(TestApks.unsigned(dir, "schema-v2-only", 19), "schema-v2-only",
                TestApks.Sign.of(false, true, false, 19, oldKey));
        SigningVerifier verifier = new SigningVerifier();

        assertThat(validate(verifier.verify(garbage, null, null))).isEmpty();
        assertThat(validate(verifier.verify(dir.resolve("missing.apk"), null, null))).isEmpty();
        assertThat(validate(verifier.verify(v2Only, null, null))).isEmpty();
    }

    @Test
    void shouldRejectReportWithoutRequiredField() throws Exception {
        Path apk = TestApks.unsigned(dir, "schema-unsigned", 24);
        ObjectNode json = JSON.valueToTree(new SigningVerifier().verify(apk, null, null));
        json.remove("verifiedApi24");

        assertThat(schema.validate(json)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("verifiedApi24"));
    }

    private static Set<ValidationMessage> validate(SigningReport report) {
        return schema.validate(JSON.valueToTree(report));
    }
}
