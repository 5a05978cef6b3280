package com.admissiongate.apk;

import static com.admissiongate.apk.FixtureSupport.analyze;
import static com.admissiongate.apk.FixtureSupport.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.testkit.ApkFixtureBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries whose first bytes cannot be inflated were never sniffed for DEX or nested archives
 * (found by ZipFuzzTests): the analysis must say so instead of reporting complete=true.
 */
class UninspectedEntryTests {

    /** 0xff opens a deflate block of the reserved type 3: "invalid block type". */
    private static final byte[] NOT_DEFLATE = {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    @TempDir
    Path dir;

    /** Central directory says deflate, the bytes are not a deflate stream. */
    private static ApkFixtureBuilder withBrokenDeflate(ApkFixtureBuilder b, String name) {
        return b.entry(name, NOT_DEFLATE, e -> e.method(0).cdMethod(8));
    }

    @Test
    void assetThatCannotBeInflatedMakesNestedIncomplete() {
        ApkReport r = analyze(dir, "asset-not-inflatable", withBrokenDeflate(minimal(), "assets/plugin.jar"));
        assertThat(r.issues()).extracting(Issue::code, Issue::location).contains(
                org.assertj.core.groups.Tuple.tuple("ZIP_INFLATE_FAILED", "assets/plugin.jar"));
        assertThat(r.complete()).isFalse();
        assertThat(r.incomplete()).containsExactly(new Incomplete("nested", "ZIP_INFLATE_FAILED"));
    }

    @Test
    void nativeLibraryThatCannotBeInflatedMakesNativeIncomplete() {
        ApkReport r = analyze(dir, "native-lib-not-inflatable", withBrokenDeflate(minimal(), "lib/x86/libbad.so"));
        assertThat(r.nativeLibs()).containsExactly(new NativeLib("lib/x86/libbad.so", "x86", "libbad.so", 16, null,
                null));
        assertThat(r.incomplete()).containsExactly(new Incomplete("native", "ZIP_INFLATE_FAILED"));
    }

    @Test
    void entryOfNestedArchiveThatCannotBeInflatedMakesNestedIncomplete() {
        byte[] jar = withBrokenDeflate(ApkFixtureBuilder.apk(), "classes.dex").build();
        ApkReport r = analyze(dir, "nested-entry-not-inflatable", minimal().stored("assets/plugin.jar", jar));
        assertThat(r.issues()).extracting(Issue::code, Issue::location).contains(
                org.assertj.core.groups.Tuple.tuple("ZIP_INFLATE_FAILED", "assets/plugin.jar!classes.dex"));
        assertThat(r.incomplete()).containsExactly(new Incomplete("nested", "ZIP_INFLATE_FAILED"));
    }
}
