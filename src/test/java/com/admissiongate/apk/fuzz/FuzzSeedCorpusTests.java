package com.admissiongate.apk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed seeds are exactly what FuzzSeedCorpus builds, so the regression runs replay them. */
class FuzzSeedCorpusTests {

    @Test
    void committedSeedsMatchTheirGenerator() throws Exception {
        if (Boolean.getBoolean("fuzz.seeds.write")) {
            FuzzSeedCorpus.write(FuzzSeedCorpus.DIR);
        }
        for (var target : FuzzSeedCorpus.all().entrySet()) {
            Path dir = FuzzSeedCorpus.DIR.resolve(target.getKey());
            for (var seed : target.getValue().entrySet()) {
                Path file = dir.resolve(seed.getKey());
                assertThat(file).as("missing seed; run with -Dfuzz.seeds.write=true").exists();
                byte[] bytes = Files.readAllBytes(file);
                assertThat(bytes).as(file + " drifted; run with -Dfuzz.seeds.write=true")
                        .isEqualTo(seed.getValue().get());
                assertThat(bytes.length).as(file + " size").isLessThan(20 * 1024);
            }
        }
    }
}
