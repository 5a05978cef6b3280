package com.admissiongate.apk.signing;

import static com.admissiongate.apk.signing.SigningReportAssembler.CODE_UNEXPECTED;
import static com.admissiongate.apk.signing.SigningReportAssembler.CODE_V1_ALGORITHMS_UNREADABLE;
import static com.admissiongate.apk.signing.SigningReportAssembler.SCHEME_APK;
import static com.admissiongate.apk.signing.SigningReportAssembler.describe;

import com.admissiongate.apk.signing.SigningReport.Capabilities;
import com.admissiongate.apk.signing.SigningReport.Issue;
import com.admissiongate.apk.signing.SigningReport.LineageCert;
import com.admissiongate.apk.signing.SigningReport.Signer;
import com.android.apksig.ApkVerifier.Result;
import com.android.apksig.SigningCertificateLineage;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.util.DataSource;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects distinct signer certificates and the rotation lineage from one apksig result. */
final class SignerCollector {

    private final DataSource apk;
    private final ApkUtils.ZipSections sections;
    private final List<Issue> errors = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();
    private boolean complete = true;
    /** Signature algorithms of the JAR (v1) signatures and of the APK Signing Block (v2/v3/v3.1), kept apart. */
    private final Set<String> v1Algorithms = new LinkedHashSet<>();
    private final Set<String> blockAlgorithms = new LinkedHashSet<>();

    SignerCollector(DataSource apk, ApkUtils.ZipSections sections) {
        this.apk = apk;
        this.sections = sections;
    }

    List<Issue> errors() {
        return errors;
    }

    List<Issue> warnings() {
        return warnings;
    }

    /** Algorithms of the v1 signatures seen by {@link #signers}. */
    Set<String> v1Algorithms() {
        return v1Algorithms;
    }

    /** Algorithms of the v2/v3/v3.1 signatures seen by {@link #signers}. */
    Set<String> blockAlgorithms() {
        return blockAlgorithms;
    }

    /** False when something this class had to read itself could not be read. */
    boolean complete() {
        return complete;
    }

    /** Mutable accumulator for one certificate seen by several schemes. */
    private static final class SignerBuilder {
        final X509Certificate cert;
        final Set<String> algorithms = new LinkedHashSet<>();
        final Set<String> schemes = new LinkedHashSet<>();
        Integer minSdk;
        Integer maxSdk;

        SignerBuilder(X509Certificate cert) {
            this.cert = cert;
        }
    }

    List<Signer> signers(Result r) {
        Map<String, SignerBuilder> bySha256 = new LinkedHashMap<>();
        Map<String, List<String>> jarAlgorithms = jarAlgorithms(r);
        try {
            for (Result.V1SchemeSignerInfo s : r.getV1SchemeSigners()) {
                SignerBuilder b = signer(bySha256, s.getCertificate(), "v1");
                if (b != null) {
                    List<String> algorithms = jarAlgorithms.getOrDefault(s.getSignatureBlockFileName(), List.of());
                    b.algorithms.addAll(algorithms);
                    v1Algorithms.addAll(algorithms);
                }
            }
            for (Result.V2SchemeSignerInfo s : r.getV2SchemeSigners()) {
                SignerBuilder b = signer(bySha256, s.getCertificate(), "v2");
                if (b != null) {
                    s.getContentDigests().forEach(d -> blockAlgorithm(b, SignatureAlgorithmNames.of(d.getSignatureAlgorithmId())));
                }
            }
            addV3(bySha256, r.getV3SchemeSigners(), "v3");
            addV3(bySha256, r.getV31SchemeSigners(), "v31");
            Set<String> primary = new HashSet<>();
            for (X509Certificate c : r.getSignerCertificates()) {
                primary.add(CertificateDescriber.sha256(c));
            }
            List<Signer> out = new ArrayList<>();
            for (Map.Entry<String, SignerBuilder> e : bySha256.entrySet()) {
                SignerBuilder b = e.getValue();
                CertificateDescriber.Described d = CertificateDescriber.describe(b.cert);
                out.add(new Signer(d.sha256(), d.sha1(), d.md5(), d.subject(), d.issuer(), d.keyAlgorithm(),
                        d.keySize(), new ArrayList<>(b.algorithms), d.notBefore(), d.notAfter(), d.debug(),
                        b.minSdk, b.maxSdk, new ArrayList<>(b.schemes), primary.contains(e.getKey())));
            }
            return out;
        } catch (CertificateEncodingException e) {
            complete = false;
            errors.add(new Issue(SCHEME_APK, CODE_UNEXPECTED, describe(e), SigningReport.BASIS_MIN_SDK));
            return List.of();
        }
    }

    /** An APK Signing Block (v2/v3/v3.1) algorithm: the signer's, and the block's for {@code weakDigests}. */
    private void blockAlgorithm(SignerBuilder b, String algorithm) {
        b.algorithms.add(algorithm);
        blockAlgorithms.add(algorithm);
    }

    private void addV3(Map<String, SignerBuilder> bySha256, List<Result.V3SchemeSignerInfo> signers,
                              String scheme) throws CertificateEncodingException {
        for (Result.V3SchemeSignerInfo s : signers) {
            SignerBuilder b = signer(bySha256, s.getCertificate(), scheme);
            if (b == null) {
                continue;
            }
            s.getContentDigests().forEach(d -> blockAlgorithm(b, SignatureAlgorithmNames.of(d.getSignatureAlgorithmId())));
            // The widest range wins when one certificate signs several v3.x records.
            b.minSdk = b.minSdk == null ? s.getMinSdkVersion() : Math.min(b.minSdk, s.getMinSdkVersion());
            b.maxSdk = b.maxSdk == null ? s.getMaxSdkVersion() : Math.max(b.maxSdk, s.getMaxSdkVersion());
        }
    }

    private static SignerBuilder signer(Map<String, SignerBuilder> bySha256, X509Certificate cert, String scheme)
            throws CertificateEncodingException {
        if (cert == null) {
            return null;
        }
        SignerBuilder b = bySha256.computeIfAbsent(CertificateDescriber.sha256(cert), k -> new SignerBuilder(cert));
        b.schemes.add(scheme);
        return b;
    }

    private Map<String, List<String>> jarAlgorithms(Result r) {
        if (r.getV1SchemeSigners().isEmpty() || sections == null) {
            return Map.of();
        }
        Set<String> names = new HashSet<>();
        for (Result.V1SchemeSignerInfo s : r.getV1SchemeSigners()) {
            names.add(s.getSignatureBlockFileName());
        }
        try {
            return JarSignatureAlgorithmReader.read(apk, sections, names);
        } catch (Exception e) {
            // Without the algorithms weakDigests could be a false negative: fail closed.
            complete = false;
            warnings.add(new Issue("v1", CODE_V1_ALGORITHMS_UNREADABLE, describe(e), SigningReport.BASIS_MIN_SDK));
            return Map.of();
        }
    }

    List<LineageCert> lineage(Result r) {
        SigningCertificateLineage lineage = r.getSigningCertificateLineage();
        if (lineage == null) {
            for (Result.V3SchemeSignerInfo s : r.getV31SchemeSigners()) {
                lineage = lineage == null ? s.getSigningCertificateLineage() : lineage;
            }
        }
        if (lineage == null) {
            return List.of();
        }
        List<LineageCert> out = new ArrayList<>();
        try {
            for (X509Certificate cert : lineage.getCertificatesInLineage()) {
                SigningCertificateLineage.SignerCapabilities c = lineage.getSignerCapabilities(cert);
                out.add(new LineageCert(CertificateDescriber.sha256(cert), cert.getSubjectX500Principal().toString(),
                        new Capabilities(c.hasInstalledData(), c.hasSharedUid(), c.hasPermission(),
                                c.hasRollback(), c.hasAuth())));
            }
        } catch (CertificateEncodingException | RuntimeException e) {
            complete = false;
            errors.add(new Issue("v3", CODE_UNEXPECTED, describe(e), SigningReport.BASIS_MIN_SDK));
        }
        return out;
    }
}
