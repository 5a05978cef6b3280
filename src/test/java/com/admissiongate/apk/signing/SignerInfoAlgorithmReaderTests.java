package com.admissiongate.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignerInfoAlgorithmReaderTests {

    private static byte[] sha256Block;
    private static byte[] sha1Block;

    @BeforeAll
    static void signFixtures(@TempDir Path dir) throws Exception {
        TestKeys key = TestKeys.rsa("C=CN,CN=Jar Signer", 2048);
        sha256Block = signatureBlock(TestApks.sign(TestApks.unsigned(dir, "jar-sha256", 21), "jar-sha256",
                TestApks.Sign.of(true, false, false, 21, key)));
        sha1Block = signatureBlock(TestApks.sign(TestApks.unsigned(dir, "jar-sha1", 9), "jar-sha1",
                TestApks.Sign.of(true, false, false, 9, key)));
    }

    @Test
    void shouldReadSameAlgorithmsAsBouncyCastle() throws Exception {
        assertThat(SignerInfoAlgorithmReader.read(sha256Block)).containsExactly("SHA256withRSA");
        assertThat(JarSignatureAlgorithmReader.readWithBouncyCastle(sha256Block)).containsExactly("SHA256withRSA");
        assertThat(SignerInfoAlgorithmReader.read(sha1Block)).containsExactly("SHA1withRSA");
        assertThat(JarSignatureAlgorithmReader.readWithBouncyCastle(sha1Block)).containsExactly("SHA1withRSA");
    }

    @Test
    void shouldRejectTruncatedBlockWithOffsets() {
        byte[] truncated = Arrays.copyOf(sha256Block, sha256Block.length / 2);

        assertThatThrownBy(() -> SignerInfoAlgorithmReader.read(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("element at 0 declares " + (sha256Block.length - 4) + " bytes, "
                        + (truncated.length - 4) + " left");
    }

    @Test
    void shouldRejectIndefiniteLengthSoCallerFallsBack() {
        byte[] ber = {0x30, (byte) 0x80, 0x06, 0x01, 0x2a, 0x00, 0x00};

        assertThatThrownBy(() -> SignerInfoAlgorithmReader.read(ber))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length of 0 bytes at 0 (0 = indefinite, BER)");
    }

    @Test
    void shouldNameAlgorithmsFromDigestAndKeyOids() {
        assertThat(JarSignatureAlgorithmReader.name("1.2.840.113549.2.5", "1.2.840.113549.1.1.4")).isEqualTo("MD5withRSA");
        assertThat(JarSignatureAlgorithmReader.name("2.16.840.1.101.3.4.2.1", "1.2.840.10045.2.1")).isEqualTo("SHA256withECDSA");
        assertThat(JarSignatureAlgorithmReader.name("1.3.14.3.2.26", "1.2.840.10040.4.1")).isEqualTo("SHA1withDSA");
        assertThat(SigningReportAssembler.isWeak("MD5withRSA")).isTrue();
        assertThat(SigningReportAssembler.isWeak("SHA1withDSA")).isTrue();
        assertThat(SigningReportAssembler.isWeak("RSA_PKCS1_V1_5_WITH_SHA256")).isFalse();
    }

    private static byte[] signatureBlock(Path apk) throws Exception {
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            return zip.getInputStream(zip.getEntry("META-INF/CERT.RSA")).readAllBytes();
        }
    }

}
