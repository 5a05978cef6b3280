package com.admissiongate.apk.signing;

import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.io.ByteSources;
import com.android.apksig.ApkVerifier;
import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.util.DataSource;
import com.android.apksig.util.DataSources;
import com.android.apksig.zip.ZipFormatException;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Verifies APK signatures with apksig and turns the outcome into a {@link SigningReport}.
 *
 * <p>Two verdicts: apksig's default one covers every platform from the manifest's minSdk up, so a
 * v2/v3-only APK with minSdk &lt; 24 fails it ("Missing META-INF/MANIFEST.MF") although Android 7+
 * installs it; the second pass checks API 24+ only. The second pass runs only when the first does
 * not verify: a range starting at minSdk &le; 24 contains [24, ∞), and for minSdk &gt; 24 no older
 * device can install the app, so a passing first verdict settles both.
 *
 * <p>Never throws for bad input: every exception becomes {@code exception} plus an error issue.
 * Thread-safe; holds no state but its one limit.
 */
public final class SigningVerifier {

    static final int API_24 = 24;

    private final long inMemoryMax;

    /** Reads APKs up to {@link ApkLimits#DEFAULT_IN_MEMORY_MAX} into the heap for apksig. */
    public SigningVerifier() {
        this(ApkLimits.DEFAULT_IN_MEMORY_MAX);
    }

    /**
     * @param inMemoryMax APKs up to this size are read whole and handed to apksig as a heap buffer: its file source
     *                    copies every chunk it reads into a new array before inflating it, the buffer hands out
     *                    slices (apksig allocates a third to a half less and spends 14–28 % less CPU on the
     *                    flood's ~2.6 MB APKs); larger APKs are read from the file; 0 always reads from the file
     */
    public SigningVerifier(long inMemoryMax) {
        // a negative limit reads from the file; ByteSources.readWhole caps it at what an array holds
        this.inMemoryMax = inMemoryMax;
    }

    static {
        CryptoProviders.ensureRsaPss();
    }

    /** One apksig run; exactly one of result/exception is non-null. */
    record Pass(String name, ApkVerifier.Result result, Exception exception) {
        boolean verified() {
            return result != null && result.isVerified();
        }

        /** apksig either answered, or declared the input malformed, which is an answer too. */
        boolean definite() {
            return result != null || exception instanceof ApkFormatException;
        }
    }

    /**
     * @param apk                 the APK file
     * @param minSdkFromManifest  minSdk as the analyzer's manifest parser read it; used only when
     *                            apksig cannot read the manifest itself; may be null
     * @param idsigOrNull         APK Signature Scheme v4 file (.idsig), or null
     */
    public SigningReport verify(Path apk, Integer minSdkFromManifest, Path idsigOrNull) {
        return verifyDeferringMinSdk(apk, () -> minSdkFromManifest, idsigOrNull);
    }

    /**
     * As {@link #verify(Path, Integer, Path)}, with minSdk asked for only once apksig's own passes are done, so
     * verification can run while the analyzer is still reading the manifest and the code.
     */
    public SigningReport verifyDeferringMinSdk(Path apk, Supplier<Integer> minSdkFromManifest, Path idsigOrNull) {
        File idsig = idsigOrNull == null ? null : idsigOrNull.toFile();
        try (RandomAccessFile file = new RandomAccessFile(apk.toFile(), "r")) {
            byte[] whole = ByteSources.readWhole(file.getChannel(), inMemoryMax);
            if (whole != null) {
                return verifyDeferringMinSdk(whole, minSdkFromManifest, idsigOrNull);
            }
            return verify(DataSources.asDataSource(file), minSdkFromManifest, idsig);
        } catch (IOException | RuntimeException e) {
            return SigningReportAssembler.unreadable(e);
        }
    }

    /** As {@link #verifyDeferringMinSdk(Path, Supplier, Path)} on an APK already read whole by the caller. */
    public SigningReport verifyDeferringMinSdk(byte[] apk, Supplier<Integer> minSdkFromManifest, Path idsigOrNull) {
        try {
            return verify(DataSources.asDataSource(ByteBuffer.wrap(apk)), minSdkFromManifest,
                    idsigOrNull == null ? null : idsigOrNull.toFile());
        } catch (RuntimeException e) {
            return SigningReportAssembler.unreadable(e);
        }
    }

    private static SigningReport verify(DataSource apk, Supplier<Integer> minSdkLater, File idsig) {
        Pass first = run(SigningReport.BASIS_MIN_SDK, apk, null, idsig);
        Exception manifestProblem = null;
        Integer minSdkFromManifest = first.exception() instanceof ApkFormatException ? minSdkLater.get() : null;
        if (first.exception() instanceof ApkFormatException && minSdkFromManifest != null) {
            // Usually "Missing AndroidManifest.xml" or an AXML apksig cannot parse; the caller's
            // minSdk lets apksig skip the manifest and still judge the signatures.
            Pass retry = run(SigningReport.BASIS_MIN_SDK, apk, minSdkFromManifest, idsig);
            if (retry.result() != null) {
                manifestProblem = first.exception();
                first = retry;
            }
        }
        Pass api24 = first.verified() ? null : run(SigningReport.BASIS_API24, apk, API_24, idsig);

        ApkUtils.ZipSections sections = null;
        try {
            sections = ApkUtils.findZipSections(apk);
        } catch (IOException | ZipFormatException | RuntimeException e) {
            // apksig has already reported the archive as malformed; there are no block ids to list.
        }
        return new SigningReportAssembler(apk, sections, idsig != null)
                .assemble(first, api24, manifestProblem, minSdkFromManifest != null ? minSdkFromManifest : minSdkLater.get());
    }

    private static Pass run(String name, DataSource apk, Integer minPlatform, File idsig) {
        ApkVerifier.Builder builder = new ApkVerifier.Builder(apk);
        if (minPlatform != null) {
            builder.setMinCheckedPlatformVersion(minPlatform);
        }
        if (idsig != null) {
            builder.setV4SignatureFile(idsig);
        }
        try {
            return new Pass(name, builder.build().verify(), null);
        } catch (Exception e) {
            // IOException, ApkFormatException, NoSuchAlgorithmException and runtime failures alike.
            return new Pass(name, null, e);
        }
    }
}
