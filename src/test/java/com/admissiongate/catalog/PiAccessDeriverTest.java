package com.admissiongate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PiAccessDeriverTest {

    static final String GET_DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;";

    static Catalogs catalogs;
    static PiAccessDeriver deriver;
    static SdkDetector detector;

    @BeforeAll
    static void load() {
        catalogs = CatalogLoader.fromClasspath();
        deriver = new PiAccessDeriver(catalogs);
        detector = new SdkDetector(catalogs.sdks());
    }

    @Test
    void getDeviceIdFromAppCodeIsAttributedToTheAppWithExactCaller() {
        CallSite cs = new CallSite("Lde/ecspride/MainActivity;->onCreate(Landroid/os/Bundle;)V", GET_DEVICE_ID);

        List<PiAccess> access = deriver.derive(List.of(), List.of(cs), List.of());

        assertThat(access).containsExactly(new PiAccess("device-identifier", false, "api", "app",
                List.of(PiEvidence.call(cs))));
    }

    @Test
    void getDeviceIdFromJpushCodeIsAttributedToJpush() {
        CallSite fromSdk = new CallSite("Lcn/jpush/android/helper/DeviceInfo;->imei(Landroid/content/Context;)V",
                GET_DEVICE_ID);
        CallSite fromApp = new CallSite("Lcom/example/app/Main;->id()V", GET_DEVICE_ID);
        List<SdkFinding> sdks = detector.detect(new SdkInputs(List.of("cn.jpush.android.helper.DeviceInfo"),
                List.of(), List.of(), List.of(), List.of(fromSdk, fromApp)));

        List<PiAccess> access = deriver.derive(List.of(), List.of(fromSdk, fromApp), sdks);

        assertThat(access).filteredOn(a -> a.via().equals("api"))
                .extracting(PiAccess::attributedTo, PiAccess::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app", List.of(PiEvidence.call(fromApp))),
                        org.assertj.core.groups.Tuple.tuple("jpush", List.of(PiEvidence.call(fromSdk))));
    }

    /** Classes under an SDK prefix that the detector did not report as present stay the app's. */
    @Test
    void callerUnderAbsentSdkPrefixIsAttributedToApp() {
        CallSite cs = new CallSite("Lcom/mob/tools/Util;->id()V", GET_DEVICE_ID);
        List<SdkFinding> sdks = detector.detect(new SdkInputs(List.of("com.mob.tools.Util"), List.of(), List.of(),
                List.of(), List.of()));

        List<PiAccess> access = deriver.derive(List.of(), List.of(cs), sdks);

        assertThat(access).extracting(PiAccess::attributedTo).containsExactly("app");
    }

    @Test
    void permissionsGroupByPiTypeAndContentUriIsItsOwnChannel() {
        CallSite sms = new CallSite("Lcom/example/app/Inbox;->load()V", "content://sms/inbox");

        List<PiAccess> access = deriver.derive(
                List.of("android.permission.READ_SMS", "android.permission.SEND_SMS", "android.permission.INTERNET",
                        "android.permission.CALL_PHONE", "com.example.CUSTOM"),
                List.of(sms), List.of());

        assertThat(access).containsExactly(
                new PiAccess("ip-address", false, "permission", "app",
                        List.of(PiEvidence.permission("android.permission.INTERNET"))),
                new PiAccess("sms", true, "contentUri", "app", List.of(PiEvidence.call(sms))),
                new PiAccess("sms", true, "permission", "app", List.of(
                        PiEvidence.permission("android.permission.READ_SMS"),
                        PiEvidence.permission("android.permission.SEND_SMS"))));
    }

    @Test
    void presentFaceSdkContributesSensitiveFaceAccess() {
        List<SdkFinding> sdks = detector.detect(new SdkInputs(SdkDetectorTest.classes("com.arcsoft.face.engine", 2),
                List.of(), List.of(), List.of(), List.of()));

        List<PiAccess> access = deriver.derive(List.of(), List.of(), sdks);

        assertThat(access).extracting(PiAccess::piType, PiAccess::sensitive, PiAccess::via, PiAccess::attributedTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("camera", false, "sdk", "arcsoft-face"),
                        org.assertj.core.groups.Tuple.tuple("face", true, "sdk", "arcsoft-face"));
    }
}
