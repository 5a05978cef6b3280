package com.admissiongate.apk.signing;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Teaches JCA the two signature names apksig asks for that the JDK providers do not know:
 * {@code SHA256withRSA/PSS} and {@code SHA512withRSA/PSS} (APK Signature Scheme v2/v3 ids 0x0101, 0x0102).
 * Without them every RSA-PSS APK ends in NoSuchAlgorithmException instead of a verdict.
 *
 * <p>Both are the JDK's own {@code RSASSA-PSS} with the parameters the APK signature scheme fixes
 * (MGF1 with the same digest, salt = digest length, trailer 1). This used to register the whole BouncyCastle
 * provider, which costs 0.6–0.9 CPU-seconds of class loading at every cold start (most of the developer
 * self-check's budget) for two aliases; the corpus agreement with apksigner is unchanged (docs/signing.md).
 */
final class CryptoProviders {

    static final String NAME = "AdmissionGateRsaPss";

    private CryptoProviders() {
        // Hidden constructor
    }

    static synchronized void ensureRsaPss() {
        if (Security.getProvider(NAME) == null) {
            // Appended last so the JDK providers stay preferred for everything they support.
            Security.addProvider(new RsaPssAliases());
        }
    }

    static final class RsaPssAliases extends Provider {
        private static final long serialVersionUID = 1L;

        RsaPssAliases() {
            super(NAME, "1.0", "SHA256withRSA/PSS and SHA512withRSA/PSS on the JDK's RSASSA-PSS");
            putService(new Service(this, "Signature", "SHA256withRSA/PSS", Sha256.class.getName(), null, null));
            putService(new Service(this, "Signature", "SHA512withRSA/PSS", Sha512.class.getName(), null, null));
        }
    }

    /** RSASSA-PSS, SHA-256, MGF1(SHA-256), 32-byte salt. */
    public static final class Sha256 extends FixedPss {
        public Sha256() throws NoSuchAlgorithmException {
            super(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
    }

    /** RSASSA-PSS, SHA-512, MGF1(SHA-512), 64-byte salt. */
    public static final class Sha512 extends FixedPss {
        public Sha512() throws NoSuchAlgorithmException {
            super(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
        }
    }

    /** The JDK's RSASSA-PSS with parameters preset at init; a caller may still set its own (apksig does). */
    abstract static class FixedPss extends SignatureSpi {
        private final PSSParameterSpec spec;
        private final Signature pss;

        FixedPss(PSSParameterSpec spec) throws NoSuchAlgorithmException {
            this.spec = spec;
            this.pss = Signature.getInstance("RSASSA-PSS");
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            pss.initVerify(publicKey);
            preset();
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            pss.initSign(privateKey);
            preset();
        }

        private void preset() throws InvalidKeyException {
            try {
                pss.setParameter(spec);
            } catch (InvalidAlgorithmParameterException e) {
                // e.g. a key too short for the salt: the same failure a mismatched key gives elsewhere
                throw new InvalidKeyException(e.getMessage(), e);
            }
        }

        @Override
        protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            pss.setParameter(params);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            pss.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            pss.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            return pss.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            return pss.verify(sigBytes);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("not supported");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new InvalidParameterException("not supported");
        }
    }
}
