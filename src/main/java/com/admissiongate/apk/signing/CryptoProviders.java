package com.admissiongate.apk.signing;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Registers BouncyCastle once. apksig asks JCA for {@code SHA256withRSA/PSS} and
 * {@code SHA512withRSA/PSS}, names the JDK providers do not know; without BouncyCastle every
 * RSA-PSS APK ends in NoSuchAlgorithmException instead of a verdict.
 */
final class CryptoProviders {

    private CryptoProviders() {
        // Hidden constructor
    }

    static synchronized void ensureBouncyCastle() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            // Appended last so the JDK providers stay preferred for everything they support.
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
