package com.admissiongate.apk.signing;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** Turns an X.509 certificate into the strings the report needs. */
final class CertificateDescriber {

    /** Subject CN the Android SDK puts in every auto-generated debug keystore. */
    static final String DEBUG_CN = "Android Debug";

    record Described(String sha256, String sha1, String md5, String subject, String issuer,
                     String keyAlgorithm, Integer keySize, String notBefore, String notAfter,
                     boolean debug) {
    }

    private CertificateDescriber() {
        // Hidden constructor
    }

    static String sha256(X509Certificate cert) throws CertificateEncodingException {
        return Fingerprints.digest("SHA-256", cert.getEncoded());
    }

    static Described describe(X509Certificate cert) throws CertificateEncodingException {
        byte[] encoded = cert.getEncoded();
        PublicKey key = cert.getPublicKey();
        return new Described(
                Fingerprints.digest("SHA-256", encoded),
                Fingerprints.digest("SHA-1", encoded),
                Fingerprints.digest("MD5", encoded),
                cert.getSubjectX500Principal().toString(),
                cert.getIssuerX500Principal().toString(),
                key == null ? null : key.getAlgorithm(),
                keySize(key),
                cert.getNotBefore().toInstant().toString(),
                cert.getNotAfter().toInstant().toString(),
                isDebug(cert.getSubjectX500Principal()));
    }

    static Integer keySize(PublicKey key) {
        if (key instanceof RSAKey) {
            return ((RSAKey) key).getModulus().bitLength();
        }
        if (key instanceof ECKey) {
            return ((ECKey) key).getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAKey && ((DSAKey) key).getParams() != null) {
            return ((DSAKey) key).getParams().getP().bitLength();
        }
        return null;
    }

    static boolean isDebug(X500Principal subject) {
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType()) && DEBUG_CN.equals(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            return false;
        }
    }
}
