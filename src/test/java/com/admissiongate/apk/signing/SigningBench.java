package com.admissiongate.apk.signing;

import com.android.apksig.ApkVerifier;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warm cost of {@link SigningVerifier} against bare apksig over the corpus (not a unit test).
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt)
 * com.admissiongate.apk.signing.SigningBench [rounds]}.
 *
 * <p>"direct" is what the corpus baseline measures: one ApkVerifier pass plus certificate digests.
 * "direct2" adds the API-24 pass when the first fails, i.e. the same apksig work the wrapper does,
 * so wrapper/direct2 is the wrapper's own overhead.
 */
public final class SigningBench {

    // Thread CPU time, not wall time: the machine is shared and wall time swings with other load.
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        CryptoProviders.ensureRsaPss();
        List<Path> apks = SigningCorpusTests.apks(SigningCorpusTests.corpus());
        SigningVerifier wrapper = new SigningVerifier();
        stats(wrapper, apks);

        // The machine is shared, so load drifts: time the three variants on the same APK back to
        // back, rotating their order, and compare sums rather than separate corpus sweeps.
        long[] totals = new long[3];
        for (int round = -2; round < rounds; round++) {
            long[] t = new long[3];
            for (int i = 0; i < apks.size(); i++) {
                Path apk = apks.get(i);
                for (int k = 0; k < 3; k++) {
                    int variant = (k + i + Math.max(round, 0)) % 3;
                    long start = CPU.getCurrentThreadCpuTime();
                    if (variant == 2) {
                        sink = wrapper.verify(apk, null, null);
                    } else {
                        direct(apk, variant == 1);
                    }
                    t[variant] += CPU.getCurrentThreadCpuTime() - start;
                }
            }
            if (round >= 0) {
                for (int v = 0; v < 3; v++) {
                    totals[v] += t[v];
                }
                System.out.printf("round %d: direct %.1f ms, direct2 %.1f ms, wrapper %.1f ms, wrapper/direct2 %.3f%n",
                        round, t[0] / 1e6, t[1] / 1e6, t[2] / 1e6, (double) t[2] / t[1]);
            }
        }
        double d = totals[0] / 1e6 / rounds;
        double d2 = totals[1] / 1e6 / rounds;
        double w = totals[2] / 1e6 / rounds;
        System.out.printf("APKs %d, rounds %d (mean corpus total per round)%n", apks.size(), rounds);
        System.out.printf("direct  (1 pass + cert digests)        %8.1f ms  %.3f ms/APK%n", d, d / apks.size());
        System.out.printf("direct2 (+API-24 pass when 1st fails)   %8.1f ms  %.3f ms/APK%n", d2, d2 / apks.size());
        System.out.printf("wrapper SigningVerifier.verify          %8.1f ms  %.3f ms/APK%n", w, w / apks.size());
        System.out.printf("wrapper/direct  = %.3f%nwrapper/direct2 = %.3f%n", w / d, w / d2);
    }

    private static void direct(Path apk, boolean secondPass) throws Exception {
        ApkVerifier.Result r = directPass(apk, null);
        if (secondPass && (r == null || !r.isVerified())) {
            r = directPass(apk, 24);
        }
        if (r != null) {
            for (X509Certificate c : r.getSignerCertificates()) {
                sink = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            }
        }
    }

    private static ApkVerifier.Result directPass(Path apk, Integer minSdk) {
        ApkVerifier.Builder b = new ApkVerifier.Builder(apk.toFile());
        if (minSdk != null) {
            b.setMinCheckedPlatformVersion(minSdk);
        }
        try {
            return b.build().verify();
        } catch (Exception e) {
            return null;
        }
    }

    private static void stats(SigningVerifier wrapper, List<Path> apks) {
        int verified = 0;
        int api24Only = 0;
        int neither = 0;
        int exceptions = 0;
        int incomplete = 0;
        int weak = 0;
        int debug = 0;
        int rsaBelow2048 = 0;
        Map<String, Integer> blocks = new TreeMap<>();
        Map<String, Integer> schemes = new TreeMap<>();
        List<String> incompleteFiles = new ArrayList<>();
        for (Path apk : apks) {
            SigningReport r = wrapper.verify(apk, null, null);
            verified += r.verified() ? 1 : 0;
            api24Only += !r.verified() && r.verifiedApi24() ? 1 : 0;
            neither += r.verifiedApi24() ? 0 : 1;
            exceptions += r.exception() != null ? 1 : 0;
            if (!r.complete()) {
                incomplete++;
                incompleteFiles.add(apk.getFileName() + " " + r.exception() + " " + r.warnings());
            }
            weak += r.weakDigests() ? 1 : 0;
            debug += r.debugCertificate() ? 1 : 0;
            rsaBelow2048 += r.minRsaKeySize() != null && r.minRsaKeySize() < 2048 ? 1 : 0;
            r.signingBlockIds().stream().map(SigningReport.BlockId::name).distinct()
                    .forEach(n -> blocks.merge(n, 1, Integer::sum));
            SigningReport.Schemes s = r.schemes();
            count(schemes, "v1", s.v1());
            count(schemes, "v2", s.v2());
            count(schemes, "v3", s.v3());
            count(schemes, "v31", s.v31());
            count(schemes, "sourceStamp", s.sourceStamp());
        }
        System.out.printf("verified %d, api24-only %d, neither %d, exception %d, incomplete %d, weakDigests %d, "
                + "debug %d, rsa<2048 %d%n", verified, api24Only, neither, exceptions, incomplete, weak, debug, rsaBelow2048);
        System.out.println("block ids (APKs): " + blocks);
        System.out.println("schemes verified (APKs, pass that applies): " + schemes);
        incompleteFiles.forEach(f -> System.out.println("incomplete: " + f));
    }

    private static void count(Map<String, Integer> m, String name, SigningReport.SchemeStatus s) {
        if (s.verified()) {
            m.merge(name, 1, Integer::sum);
        }
    }
}
