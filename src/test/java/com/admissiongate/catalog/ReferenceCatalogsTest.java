package com.admissiongate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lookups in permissions.json, apis.json, app-types.json and sdk-blocklist.json, and the CEL view. */
class ReferenceCatalogsTest {

    static Catalogs catalogs;

    @BeforeAll
    static void load() {
        catalogs = CatalogLoader.fromClasspath();
    }

    @Test
    void permissionLookupByFullAndShortName() {
        PermissionEntry fine = catalogs.permissions().get("android.permission.ACCESS_FINE_LOCATION").orElseThrow();
        PermissionEntry phone = catalogs.permissions().get("READ_PHONE_STATE").orElseThrow();
        PermissionEntry oem = catalogs.permissions().get("com.android.permission.GET_INSTALLED_APPS").orElseThrow();

        assertThat(fine).extracting(PermissionEntry::piType, PermissionEntry::sensitive, PermissionEntry::dangerous,
                PermissionEntry::group).containsExactly("precise-location", true, true, "LOCATION");
        assertThat(phone).extracting(PermissionEntry::piType, PermissionEntry::sensitive, PermissionEntry::group)
                .containsExactly("device-identifier", false, "PHONE");
        assertThat(oem.piType()).isEqualTo("app-list");
        assertThat(catalogs.permissions().get("android.permission.VIBRATE")).isEmpty();
    }

    /** Android's runtime permissions (API 35) are all covered, with a group. */
    @Test
    void everyAndroidDangerousPermissionIsCovered() {
        List<String> dangerous = List.of("READ_CALENDAR", "WRITE_CALENDAR", "CAMERA", "READ_CONTACTS", "WRITE_CONTACTS",
                "GET_ACCOUNTS", "ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION", "ACCESS_BACKGROUND_LOCATION",
                "RECORD_AUDIO", "READ_PHONE_STATE", "READ_PHONE_NUMBERS", "CALL_PHONE", "ANSWER_PHONE_CALLS",
                "ADD_VOICEMAIL", "USE_SIP", "ACCEPT_HANDOVER", "READ_CALL_LOG", "WRITE_CALL_LOG",
                "PROCESS_OUTGOING_CALLS", "BODY_SENSORS", "BODY_SENSORS_BACKGROUND", "ACTIVITY_RECOGNITION", "SEND_SMS",
                "RECEIVE_SMS", "READ_SMS", "RECEIVE_WAP_PUSH", "RECEIVE_MMS", "READ_EXTERNAL_STORAGE",
                "WRITE_EXTERNAL_STORAGE", "ACCESS_MEDIA_LOCATION", "READ_MEDIA_IMAGES", "READ_MEDIA_VIDEO",
                "READ_MEDIA_AUDIO", "READ_MEDIA_VISUAL_USER_SELECTED", "BLUETOOTH_SCAN", "BLUETOOTH_CONNECT",
                "BLUETOOTH_ADVERTISE", "NEARBY_WIFI_DEVICES", "UWB_RANGING", "POST_NOTIFICATIONS");
        for (String p : dangerous) {
            PermissionEntry e = catalogs.permissions().get(p).orElseThrow(() -> new AssertionError(p));
            assertThat(e.dangerous()).as(p).isTrue();
            assertThat(e.group()).as(p).isNotNull();
        }
    }

    @Test
    void apiLookupUsesLongestPrefixAndCoversContentUris() {
        ApiEntry deviceId = catalogs.apis()
                .match("Landroid/telephony/TelephonyManager;->getDeviceId(I)Ljava/lang/String;").orElseThrow();
        ApiEntry accounts = catalogs.apis()
                .match("Landroid/accounts/AccountManager;->getAccountsByType(Ljava/lang/String;)[Landroid/accounts/Account;")
                .orElseThrow();
        ApiEntry sms = catalogs.apis().match("content://sms/inbox").orElseThrow();
        ApiEntry contacts = catalogs.apis()
                .match("Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;")
                .orElseThrow();

        assertThat(deviceId).extracting(ApiEntry::piType, ApiEntry::sensitive, ApiEntry::permission)
                .containsExactly("device-identifier", false, "android.permission.READ_PHONE_STATE");
        assertThat(accounts.piType()).isEqualTo("accounts");
        assertThat(sms.key()).isEqualTo("content://sms");
        assertThat(sms.isContentUri()).isTrue();
        assertThat(contacts.piType()).isEqualTo("contacts");
        assertThat(catalogs.apis().match("Landroid/telephony/TelephonyManager;->getNetworkType()I")).isEmpty();
    }

    @Test
    void appTypesFollowRegulationsSectionFour() {
        AppTypeCatalog types = catalogs.appTypes();

        assertThat(types.types()).filteredOn(AppType::noPi).extracting(AppType::id)
                .containsExactly(21, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38);
        assertThat(types.types()).filteredOn(t -> !t.allowedPermissions().isEmpty()).extracting(AppType::id)
                .containsExactly(1, 2, 22);
        assertThat(types.byName("实用工具").orElseThrow().id()).isEqualTo(38);
        assertThat(types.byId(5).orElseThrow().necessaryPi())
                .containsExactly("phone-registered", "identity", "id-card-bank-card");
        assertThat(types.byName("地图导航类").orElseThrow().allowedPermissions())
                .containsExactly("android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION");
        assertThat(types.piCodes()).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().piType())
                .containsExactly("Ph=phone-registered", "Pay=payment", "IDn=identity", "IDv=identity",
                        "Card=id-card-bank-card");
        for (AppType t : types.types()) {
            for (String p : t.allowedPermissions()) {
                assertThat(p).doesNotContain("CAMERA", "RECORD_AUDIO", "CONTACTS", "SMS", "CALL_LOG");
            }
        }
    }

    @Test
    void celViewHasExactlyTheBriefsShape() {
        Catalogs overridden = CatalogLoader.fromDirectory(CatalogLoaderTest.fixture("override"));
        Map<String, Object> view = overridden.celView();

        assertThat(view).containsOnlyKeys("appTypes", "permissions", "apis", "sdks", "sdkBlocklist", "version");
        assertThat(view.get("version")).isEqualTo(overridden.version());
        assertThat(((Map<?, ?>) view.get("appTypes")).get("地图导航类")).isEqualTo(Map.of("id", 1L,
                "necessaryPi", List.of("precise-location"), "noPi", false, "allowedPermissions",
                List.of("android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION")));
        @SuppressWarnings("unchecked") Map<String, Object> camera = (Map<String, Object>) ((Map<?, ?>) view.get("permissions")).get("android.permission.CAMERA");
        assertThat(camera).containsOnlyKeys("piType", "sensitive", "dangerous", "group")
                .containsEntry("piType", "camera").containsEntry("group", "CAMERA");
        assertThat(((Map<?, ?>) view.get("apis")).get("Landroid/telephony/TelephonyManager;->getDeviceId"))
                .isEqualTo(Map.of("piType", "device-identifier", "sensitive", false));
        @SuppressWarnings("unchecked") Map<String, Object> jpush = (Map<String, Object>) ((Map<?, ?>) view.get("sdks")).get("jpush");
        assertThat(jpush).containsOnlyKeys("name", "nameZh", "vendor", "category", "country", "ads", "face")
                .containsEntry("name", "JPush").containsEntry("nameZh", "极光推送").containsEntry("ads", false);
        assertThat(view.get("sdkBlocklist")).isEqualTo(List.of(Map.of("sdkId", "jpush",
                "versions", List.of("<4.0.0", "4.2.1"), "reason", "collected app list before consent")));
    }

    @Test
    void trackedCalleesIncludeApisAndSdkSwitches() {
        assertThat(catalogs.trackedCalleePrefixes()).contains("Landroid/telephony/TelephonyManager;->getDeviceId",
                "Lcn/jpush/android/api/JPushInterface;->init", "Lcn/jiguang/api/utils/JCollectionAuth;->setAuth",
                "Lcom/amap/api/location/AMapLocationClient;->updatePrivacyAgree")
                .doesNotContain("content://sms");
        assertThat(catalogs.trackedContentUris()).contains("content://sms", "content://com.android.contacts");
    }
}
