package com.admissiongate.testkit;

import com.android.apksig.ApkSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/** Signs fixture APKs with apksig (v1+v2+v3) and a key generated in the test, as a developer's release build would be. */
public final class TestSigner {

    private final PrivateKey key;
    private final X509Certificate cert;

    private TestSigner(PrivateKey key, X509Certificate cert) {
        this.key = key;
        this.cert = cert;
    }

    public static TestSigner rsa(String dn, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            KeyPair pair = g.generateKeyPair();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(new X500Name(dn), BigInteger.ONE,
                    Date.from(Instant.parse("2024-01-01T00:00:00Z")), Date.from(Instant.parse("2054-01-01T00:00:00Z")),
                    new X500Name(dn), SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new TestSigner(pair.getPrivate(), cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String certSha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    public byte[] sign(byte[] unsigned, int minSdk) throws Exception {
        Path dir = Files.createTempDirectory("sign");
        Path in = dir.resolve("in.apk");
        Path out = dir.resolve("out.apk");
        Files.write(in, unsigned);
        new ApkSigner.Builder(List.of(new ApkSigner.SignerConfig.Builder("CERT", key, List.of(cert)).build()))
                .setInputApk(in.toFile()).setOutputApk(out.toFile()).setMinSdkVersion(minSdk)
                .setV1SigningEnabled(true).setV2SigningEnabled(true).setV3SigningEnabled(true).build().sign();
        byte[] signed = Files.readAllBytes(out);
        Files.delete(in);
        Files.delete(out);
        Files.delete(dir);
        return signed;
    }
}
