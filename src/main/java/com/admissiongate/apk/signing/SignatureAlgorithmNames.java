package com.admissiongate.apk.signing;

import java.util.Locale;

/**
 * Names of APK Signature Scheme v2/v3/v3.1 signature algorithm ids, as apksig's enum spells them.
 * Kept here rather than read from apksig's internal enum, whose ids are a published format.
 *
 * @see <a href="https://source.android.com/docs/security/features/apksigning/v2#signature-algorithm-ids">algorithm ids</a>
 */
final class SignatureAlgorithmNames {

    private SignatureAlgorithmNames() {
        // Hidden constructor
    }

    static String of(int id) {
        switch (id) {
            case 0x0101: return "RSA_PSS_WITH_SHA256";
            case 0x0102: return "RSA_PSS_WITH_SHA512";
            case 0x0103: return "RSA_PKCS1_V1_5_WITH_SHA256";
            case 0x0104: return "RSA_PKCS1_V1_5_WITH_SHA512";
            case 0x0201: return "ECDSA_WITH_SHA256";
            case 0x0202: return "ECDSA_WITH_SHA512";
            case 0x0301: return "DSA_WITH_SHA256";
            case 0x0421: return "VERITY_RSA_PKCS1_V1_5_WITH_SHA256";
            case 0x0423: return "VERITY_ECDSA_WITH_SHA256";
            case 0x0425: return "VERITY_DSA_WITH_SHA256";
            default: return String.format(Locale.ROOT, "UNKNOWN_0x%04x", id);
        }
    }
}
