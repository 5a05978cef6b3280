package com.admissiongate.apk;

import static com.admissiongate.apk.FixtureSupport.analyze;
import static com.admissiongate.apk.FixtureSupport.codes;
import static com.admissiongate.testkit.AxmlWriter.element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.ArscWriter;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.ElfStub;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resources.arsc, network security config, native libraries and limit validation. */
class ResourcesAndNativeFixturesTests {

    @TempDir
    Path dir;

    private static AxmlWriter.Element manifestWithRefs() {
        return element("manifest").attr("package", "com.example.res").android("versionCode", 3)
                .androidRef("versionName", ArscWriter.stringId(1))
                .child(element("application").androidRef("label", ArscWriter.stringId(0))
                        .androidRef("networkSecurityConfig", ArscWriter.xmlId(0)));
    }

    private static byte[] nsc() {
        return AxmlWriter.write(element("network-security-config")
                .child(element("base-config").attrBool("cleartextTrafficPermitted", false)
                        .child(element("trust-anchors").child(element("certificates").attr("src", "user"))))
                .child(element("domain-config").attrBool("cleartextTrafficPermitted", true)
                        .child(element("domain").attrBool("includeSubdomains", true).text("example.cn"))));
    }

    @Test
    void labelAsStringReference() {
        byte[] arsc = ArscWriter.table().string("app_name", "Shop").string("version", "2.0-beta")
                .zhString("app_name", "商店").xml("nsc", "res/xml/nsc.xml").build();
        ApkReport r = analyze(dir, "label-as-string-reference", ApkFixtureBuilder.apk().manifest(manifestWithRefs())
                .entry("resources.arsc", arsc).entry("res/xml/nsc.xml", nsc()));
        assertThat(r.issues()).isEmpty();
        assertThat(r.manifest().application().label()).isEqualTo("Shop");
        assertThat(r.manifest().versionName()).isEqualTo("2.0-beta");
        assertThat(r.resources().appLabel()).isEqualTo("Shop");
        assertThat(r.resources().strings().get("default")).containsEntry("app_name", "Shop")
                .containsEntry("version", "2.0-beta");
        assertThat(r.resources().strings().get("zh")).containsExactlyEntriesOf(java.util.Map.of("app_name", "商店"));
        assertThat(r.resources().networkSecurityConfig()).isEqualTo(new ResourcesFacts.NetworkSecurityConfig(false,
                List.of(new ResourcesFacts.Domain("example.cn", true, true)), true));
    }

    @Test
    void withoutResourcesTheLocaleBucketsKeepTheArscReadersOrder() {
        // Map.of would list them in an order that changes from one JVM to the next, and so would the Facts JSON
        ApkReport r = analyze(dir, "no-resources-arsc", FixtureSupport.minimal());
        assertThat(r.resources().strings().keySet()).containsExactly("default", "zh");
        assertThat(ResourcesFacts.empty().strings().keySet()).containsExactly("default", "zh");
        ApkReport withArsc = analyze(dir, "arsc-locale-order", ApkFixtureBuilder.apk().manifest(manifestWithRefs())
                .entry("resources.arsc", ArscWriter.table().string("app_name", "Shop").string("version", "1")
                        .xml("nsc", "res/xml/nsc.xml").build())
                .entry("res/xml/nsc.xml", nsc()));
        assertThat(withArsc.resources().strings().keySet()).containsExactly("default", "zh");
    }

    private static byte[] loginLayout() {
        return AxmlWriter.write(element("LinearLayout")
                .child(element("EditText").androidRef("id", 0x7f070000).androidHex("inputType", 0x61))
                .child(element("EditText").androidRef("id", 0x7f070001).androidHex("inputType", 0x81))
                .child(element("FrameLayout")
                        .child(element("EditText").androidRef("id", 0x7f070002).androidHex("inputType", 0x12)))
                .child(element("EditText").android("password", true).androidRef("id", 0x7f070003))
                .child(element("EditText").androidHex("inputType", 0x81))
                .child(element("EditText").androidRef("id", 0x7f070004).androidHex("inputType", 0x2)));
    }

    @Test
    void passwordFieldsOfLayouts() {
        ApkReport r = analyze(dir, "layout-password-fields", FixtureSupport.minimal()
                .entry("res/layout/login.xml", loginLayout())
                .entry("res/layout-land/pin.xml", AxmlWriter.write(element("EditText")
                        .androidRef("id", 0x7f070010).androidHex("inputType", 0xe1)))
                .entry("res/xml/not_a_layout.xml", AxmlWriter.write(element("EditText")
                        .androidRef("id", 0x7f070020).androidHex("inputType", 0x81))));
        assertThat(r.issues()).isEmpty();
        assertThat(r.resources().passwordFields()).containsExactlyInAnyOrder(
                new ResourcesFacts.PasswordField("0x7f070001", "res/layout/login.xml", "textPassword"),
                new ResourcesFacts.PasswordField("0x7f070002", "res/layout/login.xml", "numberPassword"),
                new ResourcesFacts.PasswordField("0x7f070003", "res/layout/login.xml", "password"),
                new ResourcesFacts.PasswordField("0x7f070010", "res/layout-land/pin.xml", "textWebPassword"));
    }

    @Test
    void malformedLayoutIsAWarningOnly() {
        byte[] layout = loginLayout();
        ApkReport r = analyze(dir, "layout-truncated", FixtureSupport.minimal()
                .entry("res/layout/login.xml", java.util.Arrays.copyOf(layout, layout.length / 2))
                .entry("res/layout/pin.xml", AxmlWriter.write(element("EditText")
                        .androidRef("id", 0x7f070010).androidHex("inputType", 0x91))));
        assertThat(codes(r)).containsExactly("LAYOUT_MALFORMED");
        assertThat(r.complete()).isTrue();
        assertThat(r.resources().passwordFields()).containsExactly(
                new ResourcesFacts.PasswordField("0x7f070010", "res/layout/pin.xml", "textVisiblePassword"));
    }

    @Test
    void labelReferenceWithoutResourceTable() {
        ApkReport r = analyze(dir, "label-reference-unresolved", ApkFixtureBuilder.apk()
                .manifest(element("manifest").attr("package", "a.b")
                        .child(element("application").androidRef("label", 0x7f010005))));
        assertThat(codes(r)).containsExactly("ARSC_REFERENCE_UNRESOLVED");
        assertThat(r.manifest().application().label()).isEqualTo("@0x7f010005");
        assertThat(r.resources().appLabel()).isNull();
    }

    @Test
    void resourceTableTruncated() {
        byte[] arsc = ArscWriter.table().string("app_name", "Shop").build();
        ApkReport r = analyze(dir, "arsc-truncated", FixtureSupport.minimal()
                .entry("resources.arsc", java.util.Arrays.copyOf(arsc, arsc.length - 40)));
        assertThat(codes(r)).containsExactly("ARSC_MALFORMED");
        assertThat(r.incomplete()).extracting(Incomplete::area).containsExactly("resources");
    }

    @Test
    void nativeLibsPerAbiWith16kAlignment() {
        ApkReport r = analyze(dir, "native-libs-16k", FixtureSupport.minimal()
                .nativeLib("arm64-v8a", "libgood.so", ElfStub.elf64(16384))
                .nativeLib("arm64-v8a", "libold.so", ElfStub.elf64(4096))
                .nativeLib("armeabi-v7a", "libv7.so", ElfStub.elf32(4096))
                .nativeLib("x86", "fake.so", new byte[] {1, 2, 3}));
        assertThat(r.nativeLibs()).containsExactly(
                new NativeLib("lib/arm64-v8a/libgood.so", "arm64-v8a", "libgood.so", 192, 64, true),
                new NativeLib("lib/arm64-v8a/libold.so", "arm64-v8a", "libold.so", 192, 64, false),
                new NativeLib("lib/armeabi-v7a/libv7.so", "armeabi-v7a", "libv7.so", 100, 32, false),
                new NativeLib("lib/x86/fake.so", "x86", "fake.so", 3, null, null));
        assertThat(codes(r)).containsExactly("NATIVE_ELF_MALFORMED");
    }

    @Test
    void assetsAreListedAndCapped() {
        ApkLimits small = new ApkLimits(100, 1 << 20, 1 << 20, 200, 1 << 20, 2, 1 << 16, 1 << 16, 1 << 16, 1 << 16,
                10, 10, 2, 10, 10);
        ApkReport r = analyze(dir, "assets-capped", FixtureSupport.minimal().entry("assets/a.txt", new byte[1])
                .entry("assets/b.txt", new byte[1]).entry("assets/c.txt", new byte[1]), small);
        assertThat(r.assets()).containsExactly("assets/a.txt", "assets/b.txt");
        assertThat(codes(r)).containsExactly("LIMIT_REACHED");
    }

    @Test
    void limitsRejectNonsense() {
        ApkLimits d = ApkLimits.defaults();
        assertThat(d.validate()).isSameAs(d);
        assertThatThrownBy(() -> new ApkLimits(0, 1, 1, 200, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1).validate())
                .hasMessage("maxEntries must be > 0, was 0");
        assertThatThrownBy(() -> new ApkLimits(1, 1, 1, 0.5, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1).validate())
                .hasMessage("maxRatio must be a finite number >= 1, was 0.5");
        assertThatThrownBy(() -> new ApkLimits(1, 10, 20, 200, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1).validate())
                .hasMessageStartingWith("maxEntryUncompressed (20) exceeds maxTotalUncompressed (10)");
        assertThatThrownBy(() -> new ApkAnalyzer(new ApkLimits(1, 1, 1, 200, 0, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1),
                TrackedApis.defaults())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingFileIsAnIoIssue() {
        ApkReport r = new ApkAnalyzer().analyze(dir.resolve("does-not-exist.apk"));
        assertThat(codes(r)).containsExactly("IO_ERROR");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void jsonHasExactlyTheContractFields() throws Exception {
        ApkReport r = analyze(dir, "json-shape", FixtureSupport.minimal());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(r);
        assertThat(json.fieldNames()).toIterable().containsExactly("sha256", "size", "analyzerVersion", "complete",
                "incomplete", "issues", "archive", "manifest", "resources", "dex", "nativeLibs", "assets", "nested");
        assertThat(json.get("manifest").get("package").asText()).isEqualTo("com.example.app");
        assertThat(json.get("archive").get("signingBlock").isNull()).isTrue();
    }
}
