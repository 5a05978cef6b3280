package com.admissiongate.apk.signing;

import java.util.List;

/**
 * The {@code signing} section of the Facts document. Component names are the JSON names (Jackson
 * serialises records by component name); every field is always present, unknown scalars are null.
 *
 * @param verified        apksig verdict for the platform range starting at the manifest's minSdk
 * @param verifiedApi24   verdict for API 24 and newer; equal to {@code verified} when that passed
 * @param verdictBasis    {@code minSdk} when the minSdk range verifies, {@code api24} when only the
 *                        API-24 range does (v2/v3-only APK with minSdk &lt; 24), null when neither
 * @param complete        false only when apksig could not give a definite answer (missing JCA
 *                        algorithm, I/O failure, unexpected runtime exception)
 * @param exception       {@code SimpleName: message} of the first exception apksig threw, else null
 */
public record SigningReport(
        boolean verified,
        boolean verifiedApi24,
        String verdictBasis,
        Schemes schemes,
        List<Issue> errors,
        List<Issue> warnings,
        List<Signer> signers,
        List<LineageCert> lineage,
        List<BlockId> signingBlockIds,
        boolean weakDigests,
        Integer minRsaKeySize,
        boolean debugCertificate,
        boolean complete,
        String exception) {

    public static final String BASIS_MIN_SDK = "minSdk";
    public static final String BASIS_API24 = "api24";

    public SigningReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        signers = List.copyOf(signers);
        lineage = List.copyOf(lineage);
        signingBlockIds = List.copyOf(signingBlockIds);
    }

    /** Per-scheme presence and verification, as apksig reports them for the pass that applies. */
    public record Schemes(SchemeStatus v1, SchemeStatus v2, SchemeStatus v3, SchemeStatus v31,
                          SchemeStatus v4, SchemeStatus sourceStamp) {
    }

    public record SchemeStatus(boolean present, boolean verified) {
        public static final SchemeStatus ABSENT = new SchemeStatus(false, false);
    }

    /**
     * One apksig issue (or one exception turned into an issue).
     *
     * @param scheme  v1|v2|v3|v31|v4|sourceStamp|apk
     * @param code    apksig {@code ApkVerifier.Issue} name, or one of this package's own codes
     * @param pass    {@code minSdk} or {@code api24}: the verification pass that first reported it
     */
    public record Issue(String scheme, String code, String message, String pass) {
    }

    /**
     * A distinct signing certificate found by any scheme.
     *
     * @param signatureAlgorithms v1: JCA names from the PKCS#7 SignerInfo (e.g. SHA1withRSA);
     *                            v2+: APK signature scheme algorithm names (e.g. RSA_PKCS1_V1_5_WITH_SHA256)
     * @param minSdk              v3/v3.1 signer's minSdkVersion, null for other schemes
     * @param schemes             schemes whose signer used this certificate
     * @param primary             apksig lists it among the verified APK signer certificates
     */
    public record Signer(String certSha256, String certSha1, String certMd5, String subject,
                         String issuer, String keyAlgorithm, Integer keySize,
                         List<String> signatureAlgorithms, String notBefore, String notAfter,
                         boolean debug, Integer minSdk, Integer maxSdk, List<String> schemes,
                         boolean primary) {
        public Signer {
            signatureAlgorithms = List.copyOf(signatureAlgorithms);
            schemes = List.copyOf(schemes);
        }
    }

    /** One certificate of the v3 proof-of-rotation lineage, oldest first. */
    public record LineageCert(String certSha256, String subject, Capabilities capabilities) {
    }

    public record Capabilities(boolean installedData, boolean sharedUid, boolean permission,
                               boolean rollback, boolean auth) {
    }

    /** An id/value pair of the APK Signing Block; {@code id} is "0x" + 8 lower-case hex digits. */
    public record BlockId(String id, String name) {
    }
}
