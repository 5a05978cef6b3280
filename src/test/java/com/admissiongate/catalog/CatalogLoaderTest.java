package com.admissiongate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {

    static Path fixture(String relative) {
        try {
            return Path.of(Objects.requireNonNull(CatalogLoaderTest.class.getClassLoader()
                    .getResource("catalog/" + relative), relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shippedCatalogsLoadWithExpectedEntryCounts() {
        Catalogs c = CatalogLoader.fromClasspath();

        assertThat(c.sdks().size()).isEqualTo(507);
        assertThat(c.packers().entries()).hasSize(10);
        assertThat(c.permissions().entries()).hasSize(48);
        assertThat(c.apis().entries()).hasSize(67);
        assertThat(c.appTypes().types()).hasSize(39);
        assertThat(c.blocklist().entries()).isEmpty();
        assertThat(c.version()).matches("sdks=1\\.0\\.0;packers=1\\.0\\.0;permissions=1\\.0\\.0;apis=1\\.0\\.0;"
                + "app-types=1\\.0\\.0;sdk-blocklist=1\\.0\\.0;sha256=[0-9a-f]{16}");
    }

    /** Each broken copy must be rejected with the file name, the JSON pointer and the entry it concerns. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sdks-unknown-category|sdks.json|/sdks/1/category|'getui'",
        "packers-missing-signatures|packers.json|/packers/2|'bangcle'",
        "packers-duplicate-id|packers.json|/packers/4/id|duplicate id 'jiagu-360'",
        "permissions-unknown-group|permissions.json|/permissions/10/group|'android.permission.READ_SMS'",
        "apis-unknown-pi-type|apis.json|/apis/26/piType|'Landroid/telephony/TelephonyManager;->getDeviceId'",
        "app-types-name-without-suffix|app-types.json|/appTypes/5/name|'网上购物'",
        "sdk-blocklist-unknown-sdk|sdk-blocklist.json|/entries/1/sdkId|unknown SDK id 'no-such-sdk'",
        "sdk-blocklist-no-versions|sdk-blocklist.json|/entries/0/versions|'jpush'",
    })
    void brokenCopyIsRejectedNamingFileAndEntry(String fixture, String file, String pointer, String entry) {
        Path dir = fixture("broken/" + fixture);

        assertThatThrownBy(() -> CatalogLoader.fromDirectory(dir))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.pointer()).isEqualTo(pointer);
                    assertThat(e.getMessage()).startsWith(file + " " + pointer + ": ").contains(entry);
                });
    }

    @Test
    void truncatedJsonIsRejectedWithLineNumber() {
        assertThatThrownBy(() -> CatalogLoader.fromDirectory(fixture("broken/sdks-not-json")))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("sdks.json: not valid JSON at line 2");
    }

    @Test
    void directoryOverrideReplacesOnlyTheFilesItHolds() {
        Catalogs c = CatalogLoader.fromDirectory(fixture("override"));

        assertThat(c.blocklist().forSdk("jpush")).singleElement()
                .satisfies(b -> assertThat(b.versions()).containsExactly("<4.0.0", "4.2.1"));
        assertThat(c.sdks().size()).isEqualTo(507);
        assertThat(c.version()).contains("sdk-blocklist=1.1.0;")
                .isNotEqualTo(CatalogLoader.fromClasspath().version());
    }

    /** The loader validates with classpath copies; contracts/catalog is the published original. */
    @Test
    void classpathSchemasAreIdenticalToContracts() throws IOException {
        for (String file : CatalogLoader.FILES) {
            String schema = file.replace(".json", ".schema.json");
            byte[] contract = Files.readAllBytes(Path.of("contracts/catalog", schema));
            byte[] shipped = Files.readAllBytes(fixtureMain(schema));
            assertThat(shipped).as(schema).isEqualTo(contract);
        }
    }

    private static Path fixtureMain(String schema) {
        return Path.of("src/main/resources/catalog/schema", schema);
    }
}
