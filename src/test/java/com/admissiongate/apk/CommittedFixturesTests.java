package com.admissiongate.apk;

import com.admissiongate.testkit.CommittedFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed hostile APKs are exactly what the fixture code builds, and break what their names say. */
class CommittedFixturesTests {

    private static final Map<String, String> EXPECTED = Map.of(
            "zip-bomb-ratio.apk", "ZIP_RATIO_EXCEEDED",
            "entry-path-traversal.apk", "ZIP_ENTRY_PATH_TRAVERSAL",
            "duplicate-manifest-entry.apk", "ZIP_DUPLICATE_ENTRY");

    @Test
    void committedFilesMatchTheirBuilderAndCarryTheirIssue() throws Exception {
        ApkAnalyzer analyzer = new ApkAnalyzer();
        assertThat(CommittedFixtures.all().keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (var e : CommittedFixtures.all().entrySet()) {
            var file = CommittedFixtures.DIR.resolve(e.getKey());
            assertThat(Files.readAllBytes(file)).as(e.getKey() + " drifted; regenerate it").isEqualTo(e.getValue().get());
            ApkReport r = analyzer.analyze(file);
            assertThat(r.issues()).as(e.getKey()).extracting(Issue::code).contains(EXPECTED.get(e.getKey()));
        }
    }
}
