package com.admissiongate.apk;

import static com.admissiongate.apk.FixtureSupport.analyze;
import static com.admissiongate.apk.FixtureSupport.codes;
import static com.admissiongate.apk.FixtureSupport.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.DexFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile ZIP containers: each fixture breaks one rule and must yield its exact issue code. */
class ZipHostileFixturesTests {

    @TempDir
    Path dir;

    @Test
    void minimalApkIsComplete() {
        ApkReport r = analyze(dir, "minimal", minimal());
        assertThat(r.complete()).isTrue();
        assertThat(r.issues()).isEmpty();
        assertThat(r.archive().entryCount()).isEqualTo(1);
        assertThat(r.archive().hasManifest()).isTrue();
        assertThat(r.sha256()).hasSize(64);
    }

    @Test
    void eocdMissing() {
        ApkReport r = analyze(dir, "eocd-missing", minimal().omitEocd());
        assertThat(codes(r)).containsExactly("ZIP_EOCD_NOT_FOUND", "MANIFEST_MISSING");
        assertThat(r.complete()).isFalse();
        assertThat(r.incomplete()).extracting(Incomplete::area).contains("zip", "manifest");
    }

    @Test
    void notAZipAtAll() {
        ApkReport r = analyze(dir, "empty-file", ApkFixtureBuilder.apk().omitEocd());
        assertThat(codes(r)).containsExactly("ZIP_EOCD_NOT_FOUND", "MANIFEST_MISSING");
    }

    @Test
    void truncatedCentralDirectory() {
        ApkReport r = analyze(dir, "truncated-central-directory",
                minimal().entry("classes.dex", new byte[0]).truncateCentralDirectory(10));
        assertThat(codes(r)).contains("ZIP_CENTRAL_DIRECTORY_OUT_OF_BOUNDS");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void centralDirectoryRecordCutShort() {
        // EOCD claims three entries, only two records exist: the third read hits the EOCD.
        ApkReport r = analyze(dir, "cd-entry-count-lies", minimal().entry("a.txt", new byte[3]).cdEntryCount(3));
        assertThat(codes(r)).contains("ZIP_CENTRAL_DIRECTORY_TRUNCATED");
        assertThat(r.archive().entryCount()).isEqualTo(2);
    }

    @Test
    void maxSizeEocdCommentIsAccepted() {
        ApkReport r = analyze(dir, "eocd-max-comment", minimal().comment(new byte[0xffff]));
        assertThat(r.issues()).isEmpty();
        assertThat(r.archive().eocdCommentLength()).isEqualTo(0xffff);
        assertThat(r.manifest().packageName()).isEqualTo("com.example.app");
    }

    @Test
    void eocdCommentLengthLies() {
        ApkReport r = analyze(dir, "eocd-comment-length-lies", minimal().comment(new byte[10]).commentLengthOverride(4));
        assertThat(codes(r)).containsExactly("ZIP_EOCD_COMMENT_MISMATCH");
    }

    @Test
    void garbageBetweenCentralDirectoryAndEocd() {
        ApkReport r = analyze(dir, "garbage-between-cd-and-eocd", minimal().garbageBeforeEocd(7));
        assertThat(codes(r)).containsExactly("ZIP_GARBAGE_BEFORE_EOCD");
        assertThat(r.issues().get(0).message()).startsWith("7 bytes");
    }

    @Test
    void zipBombRatio() {
        ApkReport r = analyze(dir, "zip-bomb-ratio", minimal().entry("assets/zeros.bin", new byte[8 << 20]));
        assertThat(codes(r)).containsExactly("ZIP_RATIO_EXCEEDED");
        assertThat(r.complete()).isFalse();
        assertThat(r.archive().maxCompressionRatio()).isGreaterThan(200.0);
    }

    @Test
    void hugeDeclaredSize() {
        ApkReport r = analyze(dir, "huge-declared-size",
                minimal().entry("classes.dex", new byte[16], e -> e.stored().declaredUncompressed(0xfffffff0L)));
        assertThat(codes(r)).contains("ZIP_ENTRY_TOO_LARGE");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void totalUncompressedLimit() {
        ApkLimits small = new ApkLimits(100, 1000, 1000, 200, 1 << 20, 2, 1000, 1000, 1000, 1000, 10, 10, 10, 10, 10);
        ApkReport r = analyze(dir, "total-uncompressed-exceeded",
                minimal().stored("a.bin", new byte[600]).stored("b.bin", new byte[600]), small);
        assertThat(codes(r)).contains("ZIP_TOTAL_SIZE_EXCEEDED");
    }

    @Test
    void tooManyEntries() {
        ApkLimits small = new ApkLimits(2, 1 << 20, 1 << 20, 200, 1 << 20, 2, 1 << 16, 1 << 16, 1 << 16, 1 << 16,
                10, 10, 10, 10, 10);
        ApkReport r = analyze(dir, "too-many-entries",
                minimal().entry("a", new byte[1]).entry("b", new byte[1]).entry("c", new byte[1]), small);
        assertThat(codes(r)).contains("ZIP_TOO_MANY_ENTRIES");
        assertThat(r.archive().entryCount()).isEqualTo(2);
    }

    @Test
    void entryPathTraversal() {
        ApkReport r = analyze(dir, "entry-path-traversal", minimal().entry("assets/../../evil.so", new byte[1]));
        assertThat(codes(r)).containsExactly("ZIP_ENTRY_PATH_TRAVERSAL");
    }

    @Test
    void absoluteEntryPath() {
        ApkReport r = analyze(dir, "entry-absolute-path", minimal().entry("/data/evil", new byte[1]));
        assertThat(codes(r)).containsExactly("ZIP_ENTRY_PATH_TRAVERSAL");
    }

    @Test
    void backslashInEntryName() {
        ApkReport r = analyze(dir, "entry-backslash", minimal().entry("assets\\x.txt", new byte[1]));
        assertThat(codes(r)).containsExactly("ZIP_ENTRY_BACKSLASH");
    }

    @Test
    void nulInEntryName() {
        ApkReport r = analyze(dir, "nul-in-entry-name", minimal().entry("classes.dex\0.txt", new byte[1]));
        assertThat(codes(r)).containsExactly("ZIP_ENTRY_NUL_IN_NAME");
        assertThat(r.issues().get(0).message()).contains("index 11");
    }

    /** An empty directory entry is otherwise skipped harmlessly; with a NUL in its name the archive is hostile. */
    @Test
    void nulInEmptyDirectoryNameFailsClosed() {
        ApkReport r = analyze(dir, "nul-in-empty-directory-name", minimal().entry("\0assets/", new byte[0]));
        assertThat(codes(r)).containsExactly("ZIP_ENTRY_NUL_IN_NAME");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void duplicateManifestEntry() {
        ApkReport r = analyze(dir, "duplicate-manifest-entry", minimal()
                .manifest(ApkFixtureBuilder.minimalManifest("com.evil.second")));
        assertThat(codes(r)).containsExactly("ZIP_DUPLICATE_ENTRY");
        assertThat(r.archive().duplicateNames()).containsExactly("AndroidManifest.xml");
        // Android's zip reader resolves a name to its first central-directory entry.
        assertThat(r.manifest().packageName()).isEqualTo("com.example.app");
    }

    @Test
    void localHeaderNameMismatch() {
        ApkReport r = analyze(dir, "local-header-name-mismatch",
                minimal().entry("sesources.arsc", new byte[4], e -> e.cdName("resources.arsc")));
        assertThat(codes(r)).contains("ZIP_LOCAL_HEADER_NAME_MISMATCH");
        assertThat(r.issues().get(0).message()).contains("'sesources.arsc'", "'resources.arsc'");
    }

    @Test
    void localHeaderMethodMismatch() {
        ApkReport r = analyze(dir, "local-header-method-mismatch",
                minimal().entry("a.txt", new byte[40], e -> e.cdMethod(0)));
        assertThat(codes(r)).contains("ZIP_LOCAL_HEADER_METHOD_MISMATCH");
    }

    @Test
    void unknownCompressionMethod() {
        ApkReport r = analyze(dir, "unknown-compression-method", minimal().entry("a.bin", new byte[10], e -> e.method(99)));
        assertThat(codes(r)).containsExactly("ZIP_UNKNOWN_COMPRESSION_METHOD");
        assertThat(r.archive().compressionMethods()).containsEntry("99", 1).containsEntry("8", 1);
        assertThat(r.complete()).isFalse();
    }

    @Test
    void encryptedFlag() {
        ApkReport r = analyze(dir, "encrypted-flag", minimal().entry("a.bin", new byte[10], e -> e.flags(1)));
        assertThat(codes(r)).containsExactly("ZIP_ENTRY_ENCRYPTED");
    }

    @Test
    void entriesOutsideCentralDirectory() {
        ApkReport r = analyze(dir, "entry-outside-central-directory",
                minimal().entry("hidden.dex", new byte[20], ApkFixtureBuilder.Entry::notInCentralDirectory));
        assertThat(codes(r)).containsExactly("ZIP_ENTRIES_OUTSIDE_CENTRAL_DIRECTORY");
        assertThat(r.archive().entriesOutsideCentralDirectory()).isEqualTo(1);
    }

    @Test
    void janusDexPrepended() {
        byte[] dex = DexFixture.dex().cls("Lcom/evil/Payload;", "Ljava/lang/Object;").end().build();
        ApkReport r = analyze(dir, "janus-dex-prepended", minimal().prefix(dex));
        assertThat(codes(r)).containsExactly("ZIP_PREFIX_DEX");
        assertThat(r.archive().prefixIsDex()).isTrue();
        assertThat(r.archive().prefixBytes()).isEqualTo(dex.length);
        assertThat(r.manifest().packageName()).isEqualTo("com.example.app");
    }

    @Test
    void plainPrefixBytes() {
        ApkReport r = analyze(dir, "prefix-bytes", minimal().prefix(new byte[100]));
        assertThat(codes(r)).containsExactly("ZIP_PREFIX_BYTES");
        assertThat(r.archive().prefixIsDex()).isFalse();
    }

    @Test
    void signingBlockIdsAreListed() {
        ApkReport r = analyze(dir, "signing-block-v2-v3", minimal().signingBlock(0x7109871a, 0xf05368c0, 0x42726577));
        assertThat(r.issues()).isEmpty();
        assertThat(r.archive().signingBlock().ids()).containsExactly("0x7109871a", "0xf05368c0", "0x42726577");
    }

    @Test
    void declaredSizeSmallerThanData() {
        ApkReport r = analyze(dir, "declared-size-understated", ApkFixtureBuilder.apk()
                .entry("AndroidManifest.xml", com.admissiongate.testkit.AxmlWriter.write(
                        ApkFixtureBuilder.minimalManifest("a.b")), e -> e.declaredUncompressed(100)));
        assertThat(codes(r)).containsExactly("ZIP_ENTRY_SIZE_MISMATCH");
        assertThat(r.incomplete()).extracting(Incomplete::area).containsExactly("manifest");
    }
}
