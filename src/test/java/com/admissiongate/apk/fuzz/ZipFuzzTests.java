package com.admissiongate.apk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.zip.EntryException;
import com.admissiongate.apk.internal.zip.EntryReader;
import com.admissiongate.apk.internal.zip.ZipArchive;
import com.admissiongate.apk.internal.zip.ZipArchiveReader;
import com.admissiongate.apk.internal.zip.ZipEntryRecord;
import com.admissiongate.apk.io.ByteSource;
import com.admissiongate.apk.io.ByteSources;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * ZIP container and whole-APK target. Without JAZZER_FUZZ this replays the seed and crash
 * corpus in {@code ZipFuzzTestsInputs/analyzeApk}; with it, Jazzer fuzzes (see docs/fuzzing.md).
 */
class ZipFuzzTests {

    @FuzzTest(maxDuration = "30s")
    void analyzeApk(byte[] input) throws Exception {
        FuzzContract.withinAllocationBudget(input.length, () -> {
            readZipDirectly(input);
            FuzzContract.analyzeAndCheck(input);
        });
    }

    /**
     * The analyzer's last-resort guard turns a RuntimeException into ANALYSIS_FAILED; calling the
     * reader without the guard makes the fuzzer see the real stack trace.
     */
    private static void readZipDirectly(byte[] input) throws IOException {
        Issues issues = new Issues();
        ByteSource src = ByteSources.wrap(input);
        ZipArchive zip = new ZipArchiveReader(FuzzContract.LIMITS, issues, "zip", "").read(src);
        assertThat(zip.entries()).hasSize(zip.facts().entryCount());
        assertThat(zip.entries().size()).isLessThanOrEqualTo(FuzzContract.LIMITS.maxEntries());
        if (!zip.complete()) {
            assertThat(issues.incompleteAreas()).as("incomplete archive without an incomplete area").isNotEmpty();
        }
        try (EntryReader reader = new EntryReader(src)) {
            for (ZipEntryRecord e : zip.entries()) {
                if (!e.readable()) {
                    continue;
                }
                try {
                    byte[] prefix = reader.readPrefix(e, 8);
                    assertThat(prefix.length).isLessThanOrEqualTo(8);
                    byte[] all = reader.read(e, FuzzContract.LIMITS.maxXmlSize());
                    assertThat((long) all.length).isEqualTo(e.uncompressedSize());
                } catch (EntryException expected) {
                    assertThat(expected.code()).isNotNull();
                }
            }
        }
    }
}
