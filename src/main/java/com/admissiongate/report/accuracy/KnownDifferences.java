package com.admissiongate.report.accuracy;

import java.util.Map;

/**
 * Disagreements with the oracle that are understood and accepted, keyed by APK file name and field. Each entry says
 * why this project's answer differs from the trusted tool's, so the report can separate them from new regressions.
 */
public final class KnownDifferences {

    private static final String V31_APK = "androguard__APK_apksig_v31-ec-p256-2-tgt-33-1-tgt-28-targetSdk-30.apk";
    private static final String V31_WHY = "apksig 31.0.2 (the oracle) predates APK Signature Scheme v3.1: it sees a v3"
            + " block whose signer stops at SDK 32 and fails MIN_SIG_SCHEME_FOR_TARGET_SDK_NOT_MET for 33+; apksig"
            + " 9.5.0 verifies the v3.1 signer that covers 32+. The oracle's API-24 certificate is the pre-rotation"
            + " one, ours the rotated one newer Android uses (docs/signing.md).";

    private static final String WEARDRAWERS = "androguard__APK_com.example.android.wearable.wear.weardrawers.apk";
    private static final String WEARDRAWERS_WHY = "the classes the oracle counts are Play services plumbing, not an"
            + " SDK integration: com.google.android.gms.ads.identifier.AdvertisingIdClient (+5 inner/obfuscated"
            + " classes, play-services-ads-identifier), com.google.firebase.FirebaseException,"
            + " FirebaseApiNotAvailableException and zzb (firebase-common), and play-services-base/basement under"
            + " com.google.android.gms; no class lies under the AdMob, Firebase Analytics, Crashlytics, Google"
            + " Analytics or Tag Manager prefixes (checked with unzip -p | grep on both dex files)";

    private static final Map<String, String> BY_APK_AND_FIELD = Map.of(
            WEARDRAWERS + "|" + OracleComparator.SDK_FAMILIES, WEARDRAWERS_WHY,
            V31_APK + "|" + OracleComparator.SIGNING_MIN_SDK, V31_WHY,
            V31_APK + "|" + OracleComparator.SIGNING_API24, V31_WHY,
            V31_APK + "|" + OracleComparator.SIGNER_CERT, V31_WHY);

    private KnownDifferences() {
    }

    /** @return why this APK's value of this field legitimately differs from the oracle, or null if unknown */
    public static String explain(String apk, String field) {
        return BY_APK_AND_FIELD.get(apk + "|" + field);
    }
}
