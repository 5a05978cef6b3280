package com.admissiongate.report.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oracle comparison on tiny synthetic oracle + Facts documents: exact counts and exact disagreement rows. */
class OracleComparatorTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APK = "synthetic.apk";
    private static final String CERT = "aa".repeat(32);

    private final OracleComparator comparator = new OracleComparator(Map.of(
            "google-admob", List.of("com.google.ads", "com.google.android.gms.ads.AdView"),
            "jpush", List.of("cn.jpush.android")));

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    private static JsonNode oracle() throws Exception {
        return json("{'aapt_badging': {'rc': 0, 'package': 'com.example', 'versionCode': '7', 'versionName': '1.0',"
                + " 'minSdk': '21', 'targetSdk': ''},"
                + "'aapt_permissions': {'uses_permission': ['android.permission.CAMERA', 'android.permission.INTERNET']},"
                + "'manifest': {'components': {'activity': [{'name': 'com.example.Main', 'exported': true}],"
                + "  'activity-alias': [], 'service': [{'name': 'com.example.Sync', 'exported': false}],"
                + "  'receiver': [], 'provider': []}},"
                + "'dexdump': {'classes.dex': {'sensitive_call_sites': {"
                + "  'Landroid/telephony/TelephonyManager;.getDeviceId:': 2}},"
                + "  'classes2.dex': {'sensitive_call_sites': {'Ljava/lang/Class;.forName:': 1,"
                + "  'Landroid/telephony/TelephonyManager;.getDeviceId:': 1}}},"
                + "'dex_totals': {'sensitive_call_sites': {'Landroid/telephony/TelephonyManager;.getDeviceId:': 3}},"
                + "'apksigner': {'verified': false, 'min_sdk_24': {'verified': true,"
                + "  'cert_sha256': [{'signer': 'Signer #1', 'sha256': '" + CERT + "'}]}},"
                + "'sdks': {'gms-ads': 12, 'support-lib': 300}}");
    }

    private static JsonNode facts(String versionName, String serviceExported, int deviceIdCount, boolean verified)
            throws Exception {
        return json("{'manifest': {'package': 'com.example', 'versionCode': 7, 'versionName': '" + versionName + "',"
                + " 'minSdk': 21, 'targetSdk': 21,"
                + " 'permissions': [{'name': 'android.permission.CAMERA'}, {'name': 'android.permission.READ_SMS'}],"
                + " 'activities': [{'name': 'com.example.Main', 'exported': true}], 'activityAliases': [],"
                + " 'services': [{'name': 'com.example.Sync', 'exported': " + serviceExported + "}],"
                + " 'receivers': [], 'providers': []},"
                + "'dex': {'callSiteCounts': {"
                + "  'Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;': " + deviceIdCount + ","
                + "  'Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;': 1},"
                + " 'callSites': [{'callee': 'Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;',"
                + "   'caller': 'Lcom/example/Main;->onCreate(Landroid/os/Bundle;)V'},"
                + "  {'callee': 'Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;',"
                + "   'caller': 'Lcom/example/Util;->id()Ljava/lang/String;'}]},"
                + "'signing': {'verified': " + verified + ", 'verifiedApi24': true, 'exception': null, 'errors': [],"
                + " 'signers': [{'certSha256': '" + CERT + "', 'primary': true},"
                + "  {'certSha256': '" + "bb".repeat(32) + "', 'primary': false}]},"
                + "'sdks': [{'id': 'google-admob', 'present': true, 'classes': 12},"
                + "  {'id': 'jpush', 'present': true, 'classes': 40}],"
                + "'piAccess': [{'piType': 'device-identifier', 'via': 'api', 'evidence': ["
                + "  {'caller': 'Lcom/example/Main;->onCreate(Landroid/os/Bundle;)V',"
                + "   'callee': 'Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;'}]}]}");
    }

    @Test
    void manifestFieldsCountOnlyWhatAaptPrintedAndListSetDifferences() throws Exception {
        AgreementTally tally = new AgreementTally();
        comparator.compareManifest(APK, facts("1.1", "true", 3, false), oracle(), tally);

        assertThat(tally.field(OracleComparator.PACKAGE)).extracting("agree", "total").containsExactly(1, 1);
        assertThat(tally.field(OracleComparator.VERSION_CODE)).extracting("agree", "total").containsExactly(1, 1);
        // aapt printed targetSdk='' (absent): not compared at all
        assertThat(tally.field(OracleComparator.TARGET_SDK).total()).isZero();
        assertThat(tally.field(OracleComparator.VERSION_NAME)).extracting("agree", "total").containsExactly(0, 1);
        assertThat(tally.field(OracleComparator.COMPONENTS_PREFIX + "activity").agree()).isEqualTo(1);
        assertThat(tally.disagreements()).containsExactly(
                new AgreementTally.Disagreement(OracleComparator.VERSION_NAME, APK, "1.1", "1.0", null),
                new AgreementTally.Disagreement(OracleComparator.PERMISSIONS, APK,
                        "only ours [android.permission.READ_SMS]", "only oracle [android.permission.INTERNET]", null),
                new AgreementTally.Disagreement(OracleComparator.COMPONENTS_PREFIX + "service", APK,
                        "only ours [com.example.Sync=true]", "only oracle [com.example.Sync=false]", null));
    }

    @Test
    void manifestIsNotComparedWhenAaptFailed() throws Exception {
        AgreementTally tally = new AgreementTally();
        JsonNode oracle = json("{'aapt_badging': {'rc': 1, 'package': 'com.example'}}");
        comparator.compareManifest(APK, facts("1.0", "false", 3, true), oracle, tally);

        assertThat(tally.comparedTotal()).isZero();
    }

    @Test
    void callSitesAreSummedOverDexFilesAndComparedPerApiIncludingZeros() throws Exception {
        AgreementTally tally = new AgreementTally();
        comparator.compareCallSites(APK, facts("1.0", "false", 2, true), oracle(), tally);

        assertThat(tally.comparedTotal()).isEqualTo(OracleComparator.ORACLE_APIS.size());
        assertThat(tally.agreeTotal()).isEqualTo(OracleComparator.ORACLE_APIS.size() - 1);
        assertThat(tally.field("calls Ljava/lang/Class;.forName").agree()).isEqualTo(1);
        assertThat(tally.disagreements()).containsExactly(new AgreementTally.Disagreement(
                "calls Landroid/telephony/TelephonyManager;.getDeviceId", APK, "2", "3", null));
    }

    @Test
    void signingUsesTheApi24RerunAndOnlyPrimarySignerCertificates() throws Exception {
        AgreementTally tally = new AgreementTally();
        comparator.compareSigning(APK, facts("1.0", "false", 3, false), oracle(), tally);

        assertThat(tally.agreeTotal()).isEqualTo(3);
        assertThat(tally.disagreements()).isEmpty();

        AgreementTally wrong = new AgreementTally();
        comparator.compareSigning(APK, facts("1.0", "false", 3, true), oracle(), wrong);
        assertThat(wrong.disagreements()).containsExactly(new AgreementTally.Disagreement(
                OracleComparator.SIGNING_MIN_SDK, APK, "true", "false", null));
    }

    @Test
    void sdkFamiliesCompareOnlyFamiliesWithCatalogEntriesAndNoteTheRest() throws Exception {
        AgreementTally tally = new AgreementTally();
        comparator.compareSdks(APK, facts("1.0", "false", 3, true), oracle(), tally);

        assertThat(tally.field(OracleComparator.SDK_FAMILIES)).extracting("agree", "total").containsExactly(1, 1);
        assertThat(tally.notes()).extracting(AgreementTally.Disagreement::ours).containsExactly("jpush (40 classes)");
        assertThat(comparator.catalogIdsByFamily().get("gms-ads")).containsExactly("google-admob");
        assertThat(comparator.catalogIdsByFamily().get("gms")).isEmpty();
        assertThat(comparator.catalogIdsByFamily().get("support-lib")).isEmpty();

        AgreementTally none = new AgreementTally();
        comparator.compareSdks(APK, json("{'sdks': []}"), oracle(), none);
        assertThat(none.disagreements()).extracting(AgreementTally.Disagreement::ours).containsExactly(
                "[] (gms-ads: oracle 12 classes under com.google.android.gms.ads, Facts no finding for [google-admob])");
    }

    @Test
    void deviceIdChainNeedsOracleCountAndEveryCallerInPiAccess() throws Exception {
        AgreementTally tally = new AgreementTally();
        comparator.compareDeviceIdChain(APK, facts("1.0", "false", 3, true), oracle(), tally);

        // counts agree (3) but Util.id() is not in piAccess evidence
        assertThat(tally.field(OracleComparator.DEVICE_ID_CHAIN)).extracting("agree", "total").containsExactly(0, 1);
        assertThat(tally.disagreements().get(0).ours()).isEqualTo("3 call site(s) in [Lcom/example/Main;->onCreate"
                + "(Landroid/os/Bundle;)V, Lcom/example/Util;->id()Ljava/lang/String;], missing from piAccess:"
                + " [Lcom/example/Util;->id()Ljava/lang/String;]");
    }

    @Test
    void explainedDisagreementsCarryTheirReason() {
        String apk = "androguard__APK_apksig_v31-ec-p256-2-tgt-33-1-tgt-28-targetSdk-30.apk";
        assertThat(KnownDifferences.explain(apk, OracleComparator.SIGNER_CERT)).contains("v3.1");
        assertThat(KnownDifferences.explain(apk, OracleComparator.PACKAGE)).isNull();
    }
}
