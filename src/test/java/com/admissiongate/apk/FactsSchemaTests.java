package com.admissiongate.apk;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.testkit.ApkFixtureBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer's JSON, completed with the sections other components add, validates against contracts/. */
class FactsSchemaTests {

    @TempDir
    Path dir;

    @Test
    void reportValidatesAgainstFactsSchema() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("contracts/facts.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ApkReport r = FixtureSupport.analyze(dir, "schema-valid", ApkFixtureBuilder.apk()
                .manifest(ApkFixtureBuilder.minimalManifest("a.b")).dex("classes.dex", DexFixturesTests.app())
                .signingBlock(0x7109871a).entry("x/../y", new byte[1]));
        ObjectNode json = mapper.valueToTree(r);
        json.put("schemaVersion", 1);
        json.putNull("signing");
        json.putArray("sdks");
        json.putArray("piAccess");
        json.putNull("packer");
        // the behaviour section as the assembler writes it, so its schema part is checked against real output
        json.set("behaviour", mapper.valueToTree(new com.admissiongate.analysis.behaviour.BehaviourAnalyzer(
                com.admissiongate.catalog.CatalogLoader.fromClasspath(),
                com.admissiongate.analysis.behaviour.BehaviourLimits.defaults()).analyze(r.dexIndex(), r.manifest())));
        json.set("appText", mapper.valueToTree(new com.admissiongate.privacy.AppTextScanner().scan(null)));
        json.putNull("privacyPolicy");
        assertThat(schema.validate(json)).isEmpty();
        json.remove("archive");
        assertThat(schema.validate(json)).isNotEmpty();
    }
}
