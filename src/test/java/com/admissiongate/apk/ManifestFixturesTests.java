package com.admissiongate.apk;

import static com.admissiongate.apk.FixtureSupport.analyze;
import static com.admissiongate.apk.FixtureSupport.codes;
import static com.admissiongate.testkit.AxmlWriter.element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.AxmlWriter.Element;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AndroidManifest.xml fixtures: positive facts and hostile binary XML. */
class ManifestFixturesTests {

    @TempDir
    Path dir;

    private ApkReport manifestOnly(String fixture, Element root) {
        return analyze(dir, fixture, ApkFixtureBuilder.apk().manifest(root));
    }

    private static Element manifest(int targetSdk) {
        return element("manifest").attr("package", "com.example.shop").android("versionCode", 42)
                .android("versionName", "4.2").android("compileSdkVersion", 34)
                .child(element("uses-sdk").android("minSdkVersion", 21).android("targetSdkVersion", targetSdk));
    }

    @Test
    void componentsResolvedAndExportedByAndroidRules() {
        Element app = element("application").android("name", ".ShopApp").android("debuggable", true)
                .android("allowBackup", false)
                .child(element("activity").android("name", ".MainActivity")
                        .child(element("intent-filter")
                                .child(element("action").android("name", "android.intent.action.MAIN"))
                                .child(element("category").android("name", "android.intent.category.LAUNCHER"))))
                .child(element("activity").android("name", "Settings"))
                .child(element("activity").android("name", "com.other.Explicit").android("exported", false)
                        .child(element("intent-filter").child(element("action").android("name", "x.VIEW"))))
                .child(element("service").android("name", ".Sync").androidHex("foregroundServiceType", 0x8 | 0x40))
                .child(element("receiver").android("name", ".Boot")
                        .child(element("intent-filter")
                                .child(element("action").android("name", "android.intent.action.BOOT_COMPLETED"))))
                .child(element("provider").android("name", ".Files").android("authorities", "a.one;a.two"))
                .child(element("meta-data").android("name", "channel").android("value", "store"));
        ApkReport r = manifestOnly("exported-by-intent-filter-target30", manifest(30).child(app));
        ManifestFacts m = r.manifest();
        assertThat(r.issues()).isEmpty();
        assertThat(m.packageName()).isEqualTo("com.example.shop");
        assertThat(m.versionCode()).isEqualTo(42L);
        assertThat(m.versionName()).isEqualTo("4.2");
        assertThat(m.compileSdk()).isEqualTo(34);
        assertThat(m.application().name()).isEqualTo("com.example.shop.ShopApp");
        assertThat(m.application().debuggable()).isTrue();
        assertThat(m.application().allowBackup()).isFalse();
        assertThat(m.activities()).extracting(ManifestFacts.Component::name, ManifestFacts.Component::exported,
                ManifestFacts.Component::exportedAttr).containsExactly(
                tuple("com.example.shop.MainActivity", true, null),
                tuple("com.example.shop.Settings", false, null),
                tuple("com.other.Explicit", false, false));
        assertThat(m.services().get(0).foregroundServiceType()).isEqualTo("location|camera");
        assertThat(m.receivers().get(0).exported()).isTrue();
        assertThat(m.providers().get(0).exported()).isFalse();
        assertThat(m.providers().get(0).authorities()).containsExactly("a.one", "a.two");
        assertThat(m.launcherActivity()).isEqualTo("com.example.shop.MainActivity");
        assertThat(m.metaData()).containsExactly(new ManifestFacts.MetaData("channel", "store", null));
    }

    @Test
    void providerExportedByDefaultAtTarget16() {
        ApkReport r = manifestOnly("provider-exported-by-default-target16", element("manifest")
                .attr("package", "p.q").child(element("uses-sdk").android("minSdkVersion", 8)
                        .android("targetSdkVersion", 16))
                .child(element("application").child(element("provider").android("name", ".Db")
                        .android("authorities", "p.q.db"))));
        assertThat(r.manifest().providers().get(0).exported()).isTrue();
    }

    @Test
    void manifestPermissionAfterApplication() {
        Element root = manifest(30)
                .child(element("uses-permission").android("name", "android.permission.CAMERA"))
                .child(element("application"))
                .child(element("uses-permission").android("name", "android.permission.VIBRATE"))
                .child(element("uses-permission-sdk-23").android("name", "android.permission.READ_CONTACTS"))
                .child(element("uses-permission").android("name", "android.permission.READ_SMS")
                        .android("maxSdkVersion", 22))
                .child(element("permission").android("name", "com.example.shop.C2D")
                        .androidHex("protectionLevel", 0x2));
        ApkReport r = manifestOnly("manifest-permission-after-application", root);
        assertThat(r.manifest().permissions()).containsExactly(
                new ManifestFacts.UsesPermission("android.permission.CAMERA", null, false),
                new ManifestFacts.UsesPermission("android.permission.VIBRATE", null, false),
                new ManifestFacts.UsesPermission("android.permission.READ_CONTACTS", null, true),
                new ManifestFacts.UsesPermission("android.permission.READ_SMS", 22, false));
        assertThat(r.manifest().declaredPermissions()).containsExactly(
                new ManifestFacts.DeclaredPermission("com.example.shop.C2D", "signature"));
    }

    @Test
    void attributesMatchedByResourceIdNotName() {
        // Godot-style: bogus namespace "android" but correct id → Android and aapt see the permission.
        Element root = element("manifest").attr("package", "org.godot")
                .child(element("uses-permission").raw(new AxmlWriter.Attr("android", "name", 0x01010003,
                        AxmlWriter.TYPE_STRING, 0, "android.permission.VIBRATE")))
                // Right name and namespace but no resource id → Android ignores it.
                .child(element("uses-permission").raw(new AxmlWriter.Attr(AxmlWriter.ANDROID_NS, "name", 0,
                        AxmlWriter.TYPE_STRING, 0, "android.permission.CAMERA")));
        ApkReport r = manifestOnly("attribute-matched-by-resource-id", root);
        assertThat(r.manifest().permissions()).extracting(ManifestFacts.UsesPermission::name)
                .containsExactly("android.permission.VIBRATE");
    }

    @Test
    void versionCodeMajor() {
        ApkReport r = manifestOnly("versioncode-major", element("manifest").attr("package", "a.b")
                .android("versionCode", 7).android("versionCodeMajor", 2));
        assertThat(r.manifest().versionCode()).isEqualTo((2L << 32) | 7);
        assertThat(r.manifest().versionCodeMajor()).isEqualTo(2L);
    }

    @Test
    void sdkDefaultsWithoutUsesSdk() {
        ApkReport r = manifestOnly("no-uses-sdk", element("manifest").attr("package", "a.b"));
        assertThat(r.manifest().minSdk()).isEqualTo(1);
        assertThat(r.manifest().targetSdk()).isEqualTo(1);
    }

    @Test
    void targetSdkDefaultsToMinSdk() {
        ApkReport r = manifestOnly("no-target-sdk", element("manifest").attr("package", "a.b")
                .child(element("uses-sdk").android("minSdkVersion", 30)));
        assertThat(r.manifest().targetSdk()).isEqualTo(30);
    }

    @Test
    void codenameSdk() {
        ApkReport r = manifestOnly("sdk-codename", element("manifest").attr("package", "a.b")
                .child(element("uses-sdk").android("minSdkVersion", "VanillaIceCream")));
        assertThat(codes(r)).containsExactly("MANIFEST_SDK_CODENAME");
        assertThat(r.manifest().minSdk()).isEqualTo(10000);
    }

    @Test
    void activityAliasCanBeLauncher() {
        ApkReport r = manifestOnly("launcher-activity-alias", element("manifest").attr("package", "a.b")
                .child(element("application").child(element("activity").android("name", ".Real"))
                        .child(element("activity-alias").android("name", ".Alias").android("targetActivity", ".Real")
                                .child(element("intent-filter")
                                        .child(element("action").android("name", "android.intent.action.MAIN"))
                                        .child(element("category")
                                                .android("name", "android.intent.category.LAUNCHER"))))));
        assertThat(r.manifest().launcherActivity()).isEqualTo("a.b.Alias");
        assertThat(r.manifest().activityAliases().get(0).exported()).isTrue();
    }

    @Test
    void queriesAndFeatures() {
        ApkReport r = manifestOnly("queries-and-features", element("manifest").attr("package", "a.b")
                .child(element("queries").child(element("package").android("name", "com.tencent.mm"))
                        .child(element("intent").child(element("action").android("name", "android.intent.action.SEND")))
                        .child(element("provider").android("authorities", "x.y")))
                .child(element("uses-feature").android("name", "android.hardware.camera").android("required", false)));
        assertThat(r.manifest().queries()).isEqualTo(new ManifestFacts.Queries(java.util.List.of("com.tencent.mm"),
                java.util.List.of("android.intent.action.SEND"), java.util.List.of("x.y")));
        assertThat(r.manifest().usesFeatures()).containsExactly(
                new ManifestFacts.UsesFeature("android.hardware.camera", false));
    }

    @Test
    void utf8StringPool() {
        ApkReport r = analyze(dir, "string-pool-utf8", ApkFixtureBuilder.apk().entry("AndroidManifest.xml",
                AxmlWriter.write(element("manifest").attr("package", "中文.app"), true)));
        assertThat(r.manifest().packageName()).isEqualTo("中文.app");
    }

    @Test
    void manifestMissing() {
        ApkReport r = analyze(dir, "manifest-missing", ApkFixtureBuilder.apk().entry("classes.txt", new byte[3]));
        assertThat(codes(r)).containsExactly("MANIFEST_MISSING");
        assertThat(r.incomplete()).containsExactly(new Incomplete("manifest", "MANIFEST_MISSING"));
    }

    @Test
    void manifestIsPlainTextXml() {
        ApkReport r = analyze(dir, "manifest-plain-text", ApkFixtureBuilder.apk().entry("AndroidManifest.xml",
                "<manifest package=\"a\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(codes(r)).containsExactly("AXML_NOT_BINARY_XML");
    }

    @Test
    void stringPoolUtf8LengthLies() {
        byte[] axml = AxmlWriter.write(element("manifest").attr("package", "a.b"), true);
        // The package value's UTF-8 byte length → two-byte form 0x7f61, far past the pool end.
        int at = indexOf(axml, "a.b\0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        axml[at - 1] = (byte) 0xff;
        ApkReport r = analyze(dir, "string-pool-utf8-length-lies", ApkFixtureBuilder.apk().entry("AndroidManifest.xml", axml));
        assertThat(codes(r)).containsExactly("AXML_STRING_POOL_OUT_OF_BOUNDS");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void axmlStringPoolOverflow() {
        byte[] axml = AxmlWriter.write(element("manifest").attr("package", "a.b"));
        // string count → 0x10000000: offsets table cannot fit in the chunk.
        java.nio.ByteBuffer.wrap(axml).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8 + 8, 0x10000000);
        ApkReport r = analyze(dir, "axml-string-pool-overflow", ApkFixtureBuilder.apk().entry("AndroidManifest.xml", axml));
        assertThat(codes(r)).containsExactly("AXML_STRING_POOL_OUT_OF_BOUNDS");
    }

    @Test
    void axmlChunkSizeLies() {
        byte[] axml = AxmlWriter.write(element("manifest").attr("package", "a.b"));
        java.nio.ByteBuffer.wrap(axml).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8 + 4, 0x7fffffff);
        ApkReport r = analyze(dir, "axml-chunk-size-lies", ApkFixtureBuilder.apk().entry("AndroidManifest.xml", axml));
        assertThat(codes(r)).containsExactly("AXML_CHUNK_OUT_OF_BOUNDS");
    }

    @Test
    void stringPoolLargerThanLimit() {
        ApkLimits small = new ApkLimits(100, 1 << 20, 1 << 20, 200, 1 << 20, 2, 64, 1 << 16, 1 << 16, 1 << 16,
                10, 10, 10, 10, 10);
        ApkReport r = analyze(dir, "axml-string-pool-too-large", FixtureSupport.minimal(), small);
        assertThat(codes(r)).containsExactly("AXML_STRING_POOL_TOO_LARGE");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
