package com.admissiongate.catalog.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkCatalogGeneratorTest {

    static final Path DATA = Path.of("/work/shared/data");

    /** The committed sdks.json must be exactly what the generator makes from today's inputs. */
    @Test
    void committedSdkCatalogIsUpToDate(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "shared data not available");
        Path out = tmp.resolve("sdks.json");
        SdkCatalogGenerator.Stats stats = new SdkCatalogGenerator.Stats();

        SdkCatalogGenerator.write(SdkCatalogGenerator.generate(DATA,
                Path.of("src/test/resources/catalog/gen/curated-sdks.json"), stats), out);

        assertThat(Files.readString(out)).isEqualTo(Files.readString(Path.of("src/main/resources/catalog/sdks.json")));
        assertThat(stats.curated).isEqualTo(59);
        assertThat(stats.exodus).isEqualTo(432);
    }

    @Test
    void kebabIdsDropParenthesesAndPunctuation() {
        assertThat(SdkCatalogGenerator.kebab("Braze (formerly Appboy)")).isEqualTo("braze");
        assertThat(SdkCatalogGenerator.kebab("Matomo (Piwik)")).isEqualTo("matomo");
        assertThat(SdkCatalogGenerator.kebab("AD(X)")).isEqualTo("ad");
    }
}
