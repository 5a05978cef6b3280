package com.admissiongate.apk.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Certificate fingerprints as lower-case hex without separators, the form filings are compared in. */
public final class Fingerprints {

    private static final HexFormat HEX = HexFormat.of();

    private Fingerprints() {
        // Hidden constructor
    }

    static String digest(String algorithm, byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            // MD5, SHA-1 and SHA-256 are mandatory for every Java platform.
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    /**
     * Normalises a user-supplied fingerprint ("AB:CD:..", "ab cd", "abcd") for comparison; null or
     * blank gives null.
     */
    public static String normalize(String fingerprint) {
        if (fingerprint == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(fingerprint.length());
        for (int i = 0; i < fingerprint.length(); i++) {
            char c = fingerprint.charAt(i);
            if (c != ':' && c != '-' && !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? null : sb.toString().toLowerCase(Locale.ROOT);
    }
}
