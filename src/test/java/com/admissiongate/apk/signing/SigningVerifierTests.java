package com.admissiongate.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.admissiongate.apk.signing.SigningReport.BlockId;
import com.admissiongate.apk.signing.SigningReport.Capabilities;
import com.admissiongate.apk.signing.SigningReport.Issue;
import com.admissiongate.apk.signing.SigningReport.LineageCert;
import com.admissiongate.apk.signing.SigningReport.SchemeStatus;
import com.admissiongate.apk.signing.SigningReport.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningVerifierTests {

    private static final SchemeStatus ABSENT = new SchemeStatus(false, false);
    private static final SchemeStatus VERIFIED = new SchemeStatus(true, true);
    private static final SchemeStatus PRESENT_UNVERIFIED = new SchemeStatus(true, false);
    private static final BlockId V2_BLOCK = new BlockId("0x7109871a", "v2");
    private static final BlockId V3_BLOCK = new BlockId("0xf05368c0", "v3");
    private static final BlockId V31_BLOCK = new BlockId("0x1b93ad61", "v31");
    private static final BlockId PADDING = new BlockId("0x42726577", "verity-padding");
    private static final Capabilities DEFAULT_CAPABILITIES = new Capabilities(true, true, true, false, true);
    private static final String ALICE_DN = "C=CN,O=Example,CN=Alice";

    private static TestKeys alice;
    private static TestKeys bob;
    private static TestKeys debugKey;
    private static TestKeys weakKey;

    private final SigningVerifier verifier = new SigningVerifier();

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() {
        alice = TestKeys.rsa(ALICE_DN, 2048);
        bob = TestKeys.rsa("C=CN,O=Example,CN=Bob", 2048);
        debugKey = TestKeys.rsa("C=US,O=Android,CN=Android Debug", 2048);
        weakKey = TestKeys.rsa("C=CN,O=Example,CN=Weak", 1024);
    }

    @Test
    void shouldVerifyV1OnlyApkWithSha256ForMinSdk21() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v1-only", 21), "v1-only",
                TestApks.Sign.of(true, false, false, 21, alice));

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.verifiedApi24()).isTrue();
        assertThat(r.verdictBasis()).isEqualTo("minSdk");
        assertThat(r.schemes()).isEqualTo(new SigningReport.Schemes(VERIFIED, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT));
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.signers()).containsExactly(new Signer(alice.sha256(),
                Fingerprints.digest("SHA-1", alice.certificate().getEncoded()), alice.md5(),
                "CN=Alice, O=Example, C=CN", "CN=Alice, O=Example, C=CN", "RSA", 2048, List.of("SHA256withRSA"),
                "2020-01-01T00:00:00Z", "2050-01-01T00:00:00Z", false, null, null, List.of("v1"), true));
        assertThat(r.lineage()).isEmpty();
        assertThat(r.signingBlockIds()).isEmpty();
        assertThat(r.weakDigests()).isFalse();
        assertThat(r.minRsaKeySize()).isEqualTo(2048);
        assertThat(r.debugCertificate()).isFalse();
        assertThat(r.complete()).isTrue();
        assertThat(r.exception()).isNull();
    }

    @Test
    void shouldFlagSha1WhenV1OnlyApkTargetsMinSdk16() throws Exception {
        // apksig signs v1 with SHA-1 when minSdk < 18 because older platforms lack SHA-256 JAR digests.
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v1-only-minsdk16", 16), "v1-only-minsdk16",
                TestApks.Sign.of(true, false, false, 16, alice));

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.signers()).extracting(Signer::signatureAlgorithms).containsExactly(List.of("SHA1withRSA"));
        assertThat(r.weakDigests()).isTrue();
    }

    @Test
    void shouldNotFlagTheSha1JarDigestThatMinSdk16NeedsWhenV2CoversAndroid7AndLater() throws Exception {
        // what apksigner produces for minSdk 16: SHA-1 in the JAR signature for Android < 4.3, SHA-256 in v2
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v1-v2-minsdk16", 16), "v1-v2-minsdk16",
                TestApks.Sign.of(true, true, false, 16, alice));

        SigningReport r = verifier.verify(apk, 16, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.signers()).singleElement().extracting(Signer::signatureAlgorithms).asList()
                .contains("SHA1withRSA");
        assertThat(r.weakDigests()).isFalse();
    }

    @Test
    void shouldFlagASha1JarDigestThatAndroid43To6DevicesRelyOnWhenMinSdkIs21() throws Exception {
        // signed as for minSdk 16 (SHA-1 JAR digests) but the manifest says 21: devices 21–23 check only the SHA-1
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v1-v2-sha1-minsdk21", 21), "v1-v2-sha1-minsdk21",
                TestApks.Sign.of(true, true, false, 16, alice));

        SigningReport r = verifier.verify(apk, 21, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.signers()).singleElement().extracting(Signer::signatureAlgorithms).asList()
                .contains("SHA1withRSA");
        assertThat(r.weakDigests()).isTrue();
    }

    @Test
    void weakDigestsFollowsTheDeviceRangesThatRelyOnTheJarSignature() {
        Set<String> sha1 = Set.of("SHA1withRSA");
        Set<String> sha256 = Set.of("SHA256withRSA");
        Set<String> v2 = Set.of("RSA_PKCS1_V1_5_WITH_SHA256");
        SigningReport.Schemes withV2 = new SigningReport.Schemes(VERIFIED, VERIFIED, ABSENT, ABSENT, ABSENT, ABSENT);
        SigningReport.Schemes v1Only = new SigningReport.Schemes(VERIFIED, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);

        assertThat(SigningReportAssembler.weakDigests(sha1, v2, withV2, 16)).isFalse();
        assertThat(SigningReportAssembler.weakDigests(sha1, v2, withV2, 17)).isFalse();
        assertThat(SigningReportAssembler.weakDigests(sha1, v2, withV2, 18)).isTrue();
        assertThat(SigningReportAssembler.weakDigests(sha1, v2, withV2, 23)).isTrue();
        assertThat(SigningReportAssembler.weakDigests(sha1, v2, withV2, 24)).isFalse();
        assertThat(SigningReportAssembler.weakDigests(sha1, v2, withV2, null)).isFalse();
        assertThat(SigningReportAssembler.weakDigests(sha1, Set.of(), v1Only, null)).isTrue();
        assertThat(SigningReportAssembler.weakDigests(sha1, Set.of(), v1Only, 16)).isTrue();
        assertThat(SigningReportAssembler.weakDigests(Set.of("MD5withRSA"), v2, withV2, 16)).isTrue();
        assertThat(SigningReportAssembler.weakDigests(sha256, v2, withV2, 21)).isFalse();
        assertThat(SigningReportAssembler.weakDigests(Set.of(), Set.of("SHA1withRSA"), withV2, 24)).isTrue();
    }

    @Test
    void shouldFailMinSdkRangeButVerifyForApi24WhenV2OnlyWithMinSdk21() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v2-only-minsdk21", 21), "v2-only-minsdk21",
                TestApks.Sign.of(false, true, false, 21, alice));

        SigningReport r = verifier.verify(apk, 21, null);

        assertThat(r.verified()).isFalse();
        assertThat(r.verifiedApi24()).isTrue();
        assertThat(r.verdictBasis()).isEqualTo("api24");
        assertThat(r.schemes()).isEqualTo(new SigningReport.Schemes(ABSENT, VERIFIED, ABSENT, ABSENT, ABSENT, ABSENT));
        assertThat(r.errors()).containsExactly(
                new Issue("v1", "JAR_SIG_NO_MANIFEST", "Missing META-INF/MANIFEST.MF", "minSdk"));
        assertThat(r.signers()).extracting(Signer::certSha256, Signer::signatureAlgorithms, Signer::schemes, Signer::primary)
                .containsExactly(tuple(alice.sha256(),
                        List.of("RSA_PKCS1_V1_5_WITH_SHA256"), List.of("v2"), true));
        assertThat(r.signingBlockIds()).containsExactly(V2_BLOCK, PADDING);
        assertThat(r.complete()).isTrue();
        assertThat(r.exception()).isNull();
    }

    @Test
    void shouldReportRotationLineageWhenV3RotatesFromOldToNewKey() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v3-with-rotation", 24), "v3-with-rotation",
                new TestApks.Sign(false, true, true, 24, List.of(alice, bob), TestApks.lineage(alice, bob), 28, null));

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.schemes()).isEqualTo(new SigningReport.Schemes(ABSENT, VERIFIED, VERIFIED, ABSENT, ABSENT, ABSENT));
        // v2 keeps the old key for API 24-27; v3 carries the new key from API 28 (the rotation minSdk).
        assertThat(r.signers()).extracting(Signer::certSha256, Signer::schemes, Signer::minSdk, Signer::maxSdk, Signer::primary)
                .containsExactly(
                        tuple(alice.sha256(), List.of("v2"), null, null, false),
                        tuple(bob.sha256(), List.of("v3"), 28, Integer.MAX_VALUE, true));
        assertThat(r.lineage()).containsExactly(
                new LineageCert(alice.sha256(), "CN=Alice, O=Example, C=CN", DEFAULT_CAPABILITIES),
                new LineageCert(bob.sha256(), "CN=Bob, O=Example, C=CN", DEFAULT_CAPABILITIES));
        assertThat(r.signingBlockIds()).containsExactly(V2_BLOCK, V3_BLOCK, PADDING);
    }

    @Test
    void shouldReportV31SignerWhenRotationTargetsApi33ByDefault() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v31-rotation", 24), "v31-rotation",
                new TestApks.Sign(false, true, true, 24, List.of(alice, bob), TestApks.lineage(alice, bob), null, null));

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.schemes()).isEqualTo(new SigningReport.Schemes(ABSENT, VERIFIED, VERIFIED, VERIFIED, ABSENT, ABSENT));
        assertThat(r.signers()).extracting(Signer::certSha256, Signer::schemes, Signer::minSdk, Signer::maxSdk)
                .containsExactly(
                        tuple(alice.sha256(), List.of("v2", "v3"), 24, 32),
                        tuple(bob.sha256(), List.of("v31"), 33, Integer.MAX_VALUE));
        assertThat(r.lineage()).extracting(LineageCert::certSha256).containsExactly(alice.sha256(), bob.sha256());
        assertThat(r.signingBlockIds()).containsExactly(V2_BLOCK, V31_BLOCK, V3_BLOCK, PADDING);
    }

    @Test
    void shouldFlagDebugCertificate() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "debug-certificate", 24), "debug-certificate",
                TestApks.Sign.of(false, true, false, 24, debugKey));

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.debugCertificate()).isTrue();
        assertThat(r.signers()).extracting(Signer::subject, Signer::debug)
                .containsExactly(tuple("CN=Android Debug, O=Android, C=US", true));
    }

    @Test
    void shouldReportRsa1024KeySize() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "rsa-1024", 24), "rsa-1024",
                TestApks.Sign.of(false, true, false, 24, weakKey));

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.minRsaKeySize()).isEqualTo(1024);
        assertThat(r.signers()).extracting(Signer::keyAlgorithm, Signer::keySize)
                .containsExactly(tuple("RSA", 1024));
        assertThat(r.debugCertificate()).isFalse();
    }

    @Test
    void shouldRejectEntryTamperedAfterSigning() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "tampered-entry", 24), "tampered-entry",
                TestApks.Sign.of(false, true, false, 24, alice));
        TestApks.tamperDex(apk);

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isFalse();
        assertThat(r.verifiedApi24()).isFalse();
        assertThat(r.verdictBasis()).isNull();
        assertThat(r.schemes().v2()).isEqualTo(PRESENT_UNVERIFIED);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).scheme()).isEqualTo("v2");
        assertThat(r.errors().get(0).code()).isEqualTo("V2_SIG_APK_DIGEST_DID_NOT_VERIFY");
        assertThat(r.errors().get(0).message()).startsWith("APK integrity check failed. CHUNKED_SHA256 digest mismatch.");
        assertThat(r.errors().get(0).pass()).isEqualTo("minSdk");
        // The certificate is still described (apksig parsed it), but it is not a verified signer.
        assertThat(r.signers()).extracting(Signer::certSha256, Signer::primary)
                .containsExactly(tuple(alice.sha256(), false));
        assertThat(r.complete()).isTrue();
        assertThat(r.exception()).isNull();
    }

    @Test
    void shouldGiveTheSameReportFromTheHeapCopyAsFromTheFile() throws Exception {
        // apksig reads a heap buffer through slices and a file through copies: the verdicts must not differ
        Path v1v2v3 = TestApks.sign(TestApks.unsigned(dir, "heap-all", 16), "heap-all",
                TestApks.Sign.of(true, true, true, 16, alice));
        Path tampered = TestApks.sign(TestApks.unsigned(dir, "heap-tampered", 21), "heap-tampered",
                TestApks.Sign.of(true, true, false, 21, alice));
        TestApks.tamperDex(tampered);
        SigningVerifier fromFile = new SigningVerifier(0);

        for (Path apk : List.of(v1v2v3, tampered)) {
            SigningReport heap = verifier.verify(apk, null, null);
            assertThat(fromFile.verify(apk, null, null)).as(apk.getFileName().toString()).isEqualTo(heap);
        }
        assertThat(verifier.verify(v1v2v3, null, null).verified()).isTrue();
        assertThat(verifier.verify(tampered, null, null).errors()).isNotEmpty();
    }

    @Test
    void shouldReportUnsignedApkAsNotVerifiedWithoutSigners() throws Exception {
        Path apk = TestApks.unsigned(dir, "unsigned", 24);

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isFalse();
        assertThat(r.verifiedApi24()).isFalse();
        assertThat(r.verdictBasis()).isNull();
        assertThat(r.schemes()).isEqualTo(new SigningReport.Schemes(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT));
        assertThat(r.errors()).containsExactly(
                new Issue("v1", "JAR_SIG_NO_MANIFEST", "Missing META-INF/MANIFEST.MF", "minSdk"));
        assertThat(r.signers()).isEmpty();
        assertThat(r.signingBlockIds()).isEmpty();
        assertThat(r.minRsaKeySize()).isNull();
        assertThat(r.complete()).isTrue();
    }

    @Test
    void shouldRecordExceptionWithoutThrowingForGarbageFile() throws Exception {
        Path garbage = dir.resolve("garbage.apk");
        Files.write(garbage, "this is not a zip archive".getBytes(StandardCharsets.US_ASCII));

        SigningReport r = verifier.verify(garbage, 21, null);

        assertThat(r.verified()).isFalse();
        assertThat(r.verifiedApi24()).isFalse();
        assertThat(r.exception()).isEqualTo("ApkFormatException: Malformed APK: not a ZIP archive");
        assertThat(r.errors()).containsExactly(new Issue("apk", "APK_FORMAT_EXCEPTION",
                "ApkFormatException: Malformed APK: not a ZIP archive", "minSdk"));
        assertThat(r.signers()).isEmpty();
        assertThat(r.signingBlockIds()).isEmpty();
        // apksig's answer is definite: this is not an APK.
        assertThat(r.complete()).isTrue();
    }

    @Test
    void shouldReportIncompleteWhenFileCannotBeOpened() {
        SigningReport r = verifier.verify(dir.resolve("missing.apk"), null, null);

        assertThat(r.verified()).isFalse();
        assertThat(r.complete()).isFalse();
        assertThat(r.errors()).extracting(Issue::code).containsExactly("IO_EXCEPTION");
        assertThat(r.exception()).startsWith("FileNotFoundException: ").contains("missing.apk");
    }

    @Test
    void shouldFallBackToCallerMinSdkWhenApksigCannotParseManifest() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "unparseable-manifest", new byte[] {1, 2, 3}),
                "unparseable-manifest", TestApks.Sign.of(true, true, false, 21, alice));
        String cause = "MinSdkVersionException: Unable to determine APK's minimum supported Android platform"
                + " version: malformed binary resource: AndroidManifest.xml";

        SigningReport withMinSdk = verifier.verify(apk, 21, null);
        SigningReport withoutMinSdk = verifier.verify(apk, null, null);

        assertThat(withMinSdk.verified()).isTrue();
        assertThat(withMinSdk.schemes().v1()).isEqualTo(VERIFIED);
        assertThat(withMinSdk.warnings()).containsExactly(new Issue("apk", "MIN_SDK_FROM_CALLER",
                "apksig could not take minSdk from AndroidManifest.xml (" + cause
                        + "); checked from caller-supplied minSdk 21", "minSdk"));
        assertThat(withMinSdk.exception()).isNull();

        assertThat(withoutMinSdk.verified()).isFalse();
        assertThat(withoutMinSdk.verifiedApi24()).isTrue();
        assertThat(withoutMinSdk.exception()).isEqualTo(cause);
        assertThat(withoutMinSdk.errors()).containsExactly(new Issue("apk", "APK_FORMAT_EXCEPTION", cause, "minSdk"));
    }

    @Test
    void shouldListExtraSigningBlockIdsAndStillVerify() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "extra-block-ids", 24), "extra-block-ids",
                TestApks.Sign.of(false, true, false, 24, alice));
        TestApks.addSigningBlockPairs(apk, new int[] {0x2146444e, 0x71777777, 0x504b4453, 0x12345678}, 0);

        SigningReport r = verifier.verify(apk, null, null);

        assertThat(r.verified()).isTrue();
        assertThat(r.signingBlockIds()).containsExactly(V2_BLOCK, PADDING,
                new BlockId("0x2146444e", "frosting"), new BlockId("0x71777777", "meituan"),
                new BlockId("0x504b4453", "dependency-metadata"), new BlockId("0x12345678", "unknown"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void shouldWarnWithRealNumbersWhenSigningBlockPairLengthOverruns() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "overlong-block-pair", 24), "overlong-block-pair",
                TestApks.Sign.of(false, true, false, 24, alice));
        TestApks.addSigningBlockPairs(apk, new int[] {0x2146444e}, 1L << 40);

        SigningReport r = verifier.verify(apk, null, null);

        // apksig stops at the v2 pair it needs, so the verdict stands; the listing is cut short.
        assertThat(r.verified()).isTrue();
        assertThat(r.signingBlockIds()).containsExactly(V2_BLOCK, PADDING);
        assertThat(r.warnings()).containsExactly(new Issue("apk", "SIGNING_BLOCK_MALFORMED",
                "pair 0x2146444e at offset 4072 declares length 1099511627776, 8 bytes left", "minSdk"));
    }

    @Test
    void shouldVerifyV4WhenIdsigSupplied() throws Exception {
        Path idsig = dir.resolve("v4.apk.idsig");
        Path apk = TestApks.sign(TestApks.unsigned(dir, "v4", 24), "v4",
                new TestApks.Sign(false, true, true, 24, List.of(alice), null, null, idsig));

        SigningReport withIdsig = verifier.verify(apk, null, idsig);
        SigningReport withoutIdsig = verifier.verify(apk, null, null);

        assertThat(withIdsig.verified()).isTrue();
        assertThat(withIdsig.schemes().v4()).isEqualTo(VERIFIED);
        assertThat(withoutIdsig.schemes().v4()).isEqualTo(ABSENT);
    }

    @Test
    void shouldVerifyRsaPssUnderTheNamesApksigAsksFor() throws Exception {
        new SigningVerifier();
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair pair = g.generateKeyPair();
        byte[] data = "signed data".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String[] c : new String[][] {{"SHA256withRSA/PSS", "SHA-256", "32"}, {"SHA512withRSA/PSS", "SHA-512", "64"}}) {
            java.security.spec.PSSParameterSpec scheme = new java.security.spec.PSSParameterSpec(c[1], "MGF1",
                    new java.security.spec.MGF1ParameterSpec(c[1]), Integer.parseInt(c[2]), 1);
            java.security.Signature signer = java.security.Signature.getInstance("RSASSA-PSS");
            signer.initSign(pair.getPrivate());
            signer.setParameter(scheme);
            signer.update(data);
            byte[] sig = signer.sign();

            // apksig's order: getInstance, initVerify, setParameter, update, verify
            java.security.Signature v = java.security.Signature.getInstance(c[0]);
            v.initVerify(pair.getPublic());
            v.setParameter(scheme);
            v.update(data);
            assertThat(v.verify(sig)).as(c[0]).isTrue();
            // the scheme's parameters are preset, so a caller that sets none verifies too
            java.security.Signature preset = java.security.Signature.getInstance(c[0]);
            preset.initVerify(pair.getPublic());
            preset.update(data);
            assertThat(preset.verify(sig)).as(c[0] + " preset").isTrue();
            // and a tampered message does not
            preset.initVerify(pair.getPublic());
            preset.update("other data".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(preset.verify(sig)).as(c[0] + " tampered").isFalse();
        }
        assertThat(Security.getProvider("BC")).as("no BouncyCastle provider at start-up").isNull();
    }
}
