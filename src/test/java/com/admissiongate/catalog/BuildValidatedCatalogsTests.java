package com.admissiongate.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build-time half of catalog validation: the shipped catalogs pass their schemas, and validated.sha256 lists
 * exactly their digests (catalog + schema bytes), so start-up may skip schema validation for those bytes only.
 */
class BuildValidatedCatalogsTests {

    static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void shippedCatalogsPassTheirSchemas_andTheManifestListsTheirDigests() throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder expected = new StringBuilder();
        for (String file : CatalogLoader.FILES) {
            byte[] bytes = Files.readAllBytes(RESOURCES.resolve("catalog").resolve(file));
            assertThat(CatalogLoader.schemaFor(file).validate(json.readTree(bytes))).as(file).isEmpty();
            byte[] schema = Files.readAllBytes(RESOURCES.resolve("catalog/schema").resolve(file.replace(".json", ".schema.json")));
            expected.append(BuildValidatedCatalogs.digest(bytes, schema)).append("  ").append(file).append('\n');
        }
        String manifest = Files.readString(RESOURCES.resolve(BuildValidatedCatalogs.MANIFEST), StandardCharsets.UTF_8);
        assertThat(manifest).as("regenerate src/main/resources/catalog/validated.sha256 with this content").isEqualTo(expected.toString());
        for (String file : CatalogLoader.FILES) {
            assertThat(BuildValidatedCatalogs.validatedAtBuild(file,
                    Files.readAllBytes(RESOURCES.resolve("catalog").resolve(file)))).as(file).isTrue();
        }
    }

    @Test
    void bytesTheBuildDidNotValidateAreStillValidatedAtLoad(@TempDir Path dir) throws Exception {
        // parseable, binds, but breaks the schema (version must be a string): only schema validation can refuse it
        Map<String, Object> blocklist = new LinkedHashMap<>();
        blocklist.put("version", 7);
        blocklist.put("source", "operator");
        blocklist.put("entries", java.util.List.of());
        Files.writeString(dir.resolve("sdk-blocklist.json"), new ObjectMapper().writeValueAsString(blocklist));

        assertThat(BuildValidatedCatalogs.validatedAtBuild("sdk-blocklist.json",
                Files.readAllBytes(dir.resolve("sdk-blocklist.json")))).isFalse();
        assertThatThrownBy(() -> CatalogLoader.fromDirectory(dir)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("sdk-blocklist.json");
    }
}
