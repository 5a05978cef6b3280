package com.admissiongate.apk.signing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A generated key pair with a self-signed certificate, the way a developer's keystore holds one. */
record TestKeys(PrivateKey privateKey, X509Certificate certificate) {

    static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2050-01-01T00:00:00Z");

    static TestKeys rsa(String dn, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(new X500Name(dn), BigInteger.ONE,
                    Date.from(NOT_BEFORE), Date.from(NOT_AFTER), new X500Name(dn),
                    SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new TestKeys(pair.getPrivate(), cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String sha256() throws Exception {
        return Fingerprints.digest("SHA-256", certificate.getEncoded());
    }

    String md5() throws Exception {
        return Fingerprints.digest("MD5", certificate.getEncoded());
    }
}
