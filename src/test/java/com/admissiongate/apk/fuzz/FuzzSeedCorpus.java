package com.admissiongate.apk.fuzz;

import static com.admissiongate.testkit.AxmlWriter.element;

import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.ArscWriter;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.DexFixture;
import com.admissiongate.testkit.ElfStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jf.dexlib2.Opcode;

/**
 * Generated seed inputs of the fuzz targets, one directory per target in Jazzer's layout
 * ({@code <TestClass>Inputs/<method>/} next to the test class in src/test/resources). Crash
 * inputs found by fuzzing live in the same directories under {@code crash-*} names and are not
 * generated. Regenerate with
 * {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt):<test deps>
 * com.admissiongate.apk.fuzz.FuzzSeedCorpus}, or simply run FuzzSeedCorpusTests with
 * {@code -Dfuzz.seeds.write=true}; FuzzSeedCorpusTests fails when committed seeds drift.
 */
public final class FuzzSeedCorpus {

    public static final Path DIR = Path.of("src/test/resources/com/admissiongate/apk/fuzz");

    static final String GET_DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;";
    static final String FOR_NAME = "Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;";
    static final String DEX_LOADER_INIT = "Ldalvik/system/DexClassLoader;-><init>(Ljava/lang/String;"
            + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/ClassLoader;)V";

    private FuzzSeedCorpus() {
    }

    /** Seed files by target directory (relative to {@link #DIR}), then by file name. */
    public static Map<String, Map<String, Supplier<byte[]>>> all() {
        Map<String, Map<String, Supplier<byte[]>>> m = new LinkedHashMap<>();
        m.put("ZipFuzzTestsInputs/analyzeApk", zipSeeds());
        m.put("AxmlFuzzTestsInputs/parseManifest", axmlSeeds());
        m.put("ArscFuzzTestsInputs/readResourceTable", arscSeeds());
        m.put("DexFuzzTestsInputs/scanDex", dexSeeds());
        return m;
    }

    private static Map<String, Supplier<byte[]>> zipSeeds() {
        Map<String, Supplier<byte[]>> m = new LinkedHashMap<>();
        m.put("minimal.apk", () -> minimal().build());
        m.put("full-app-signed.apk", () -> ApkFixtureBuilder.apk().manifest(manifestWithRefs())
                .entry("resources.arsc", arsc()).entry("res/xml/nsc.xml", nsc()).entry("classes.dex", appDex())
                .nativeLib("arm64-v8a", "libnative.so", ElfStub.elf64(16384))
                .nativeLib("armeabi-v7a", "libnative.so", ElfStub.elf32(4096))
                .entry("assets/config.json", "{\"k\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .signingBlock(0x7109871a, 0xf05368c0).build());
        m.put("all-stored.apk", () -> ApkFixtureBuilder.apk()
                .stored("AndroidManifest.xml", AxmlWriter.write(ApkFixtureBuilder.minimalManifest("com.example.s")))
                .stored("classes.dex", smallDex()).build());
        m.put("nested-jar-with-dex.apk", () -> minimal().entry("assets/plugin.jar",
                ApkFixtureBuilder.apk().entry("classes.dex", smallDex()).build()).build());
        m.put("dex-outside-classes.apk", () -> minimal().stored("assets/hidden.bin", smallDex()).build());
        m.put("multidex.apk", () -> minimal().entry("classes.dex", smallDex()).entry("classes2.dex", smallDex())
                .build());
        m.put("janus-dex-prefix.apk", () -> minimal().prefix(smallDex()).build());
        m.put("duplicate-manifest.apk", () -> minimal().entry("AndroidManifest.xml", new byte[] {3, 0, 8, 0})
                .build());
        m.put("path-traversal.apk", () -> minimal().entry("assets/../../evil.so", new byte[1]).build());
        m.put("eocd-comment-length-lies.apk", () -> minimal().comment(new byte[] {'x', 'y'})
                .commentLengthOverride(7).build());
        m.put("truncated-central-directory.apk", () -> minimal().entry("classes.dex", smallDex())
                .truncateCentralDirectory(10).build());
        m.put("cd-count-lies.apk", () -> minimal().entry("a.txt", new byte[3]).cdEntryCount(3).build());
        m.put("local-name-mismatch.apk", () -> minimal()
                .entry("classes.dex", smallDex(), e -> e.cdName("classes9.dex")).build());
        m.put("unknown-method.apk", () -> minimal().entry("assets/x.bin", new byte[16], e -> e.method(99)).build());
        m.put("declared-size-lies.apk", () -> minimal()
                .entry("classes.dex", smallDex(), e -> e.declaredUncompressed(100)).build());
        m.put("entry-outside-cd.apk", () -> minimal()
                .entry("classes2.dex", smallDex(), ApkFixtureBuilder.Entry::notInCentralDirectory).build());
        m.put("ratio-bomb.apk", () -> minimal().entry("assets/zeros.bin", new byte[64 << 10]).build());
        m.put("garbage-before-eocd.apk", () -> minimal().garbageBeforeEocd(5).build());
        m.put("no-eocd.apk", () -> minimal().omitEocd().build());
        return m;
    }

    private static Map<String, Supplier<byte[]>> axmlSeeds() {
        Map<String, Supplier<byte[]>> m = new LinkedHashMap<>();
        m.put("minimal-manifest.axml", () -> AxmlWriter.write(ApkFixtureBuilder.minimalManifest("com.example.m")));
        m.put("full-manifest-utf16.axml", () -> AxmlWriter.write(fullManifest(), false));
        m.put("full-manifest-utf8.axml", () -> AxmlWriter.write(fullManifest(), true));
        m.put("manifest-with-refs.axml", () -> AxmlWriter.write(manifestWithRefs()));
        m.put("network-security-config.axml", FuzzSeedCorpus::nsc);
        m.put("bad-root.axml", () -> AxmlWriter.write(element("application").android("label", "x")));
        m.put("no-package.axml", () -> AxmlWriter.write(element("manifest").android("versionCode", 2)));
        m.put("truncated-manifest.axml", () -> {
            byte[] b = AxmlWriter.write(ApkFixtureBuilder.minimalManifest("com.example.t"));
            return Arrays.copyOf(b, b.length / 2);
        });
        return m;
    }

    private static Map<String, Supplier<byte[]>> arscSeeds() {
        Map<String, Supplier<byte[]>> m = new LinkedHashMap<>();
        m.put("strings-zh-xml.arsc", FuzzSeedCorpus::arsc);
        m.put("default-strings-only.arsc", () -> ArscWriter.table().string("app_name", "Demo")
                .string("version", "1.0").build());
        m.put("empty-table.arsc", () -> ArscWriter.table().build());
        m.put("truncated.arsc", () -> {
            byte[] b = arsc();
            return Arrays.copyOf(b, b.length - 9);
        });
        return m;
    }

    private static Map<String, Supplier<byte[]>> dexSeeds() {
        Map<String, Supplier<byte[]>> m = new LinkedHashMap<>();
        m.put("app.dex", FuzzSeedCorpus::appDex);
        m.put("small.dex", FuzzSeedCorpus::smallDex);
        m.put("no-classes.dex", () -> DexFixture.dex().build());
        m.put("header-only.dex", () -> Arrays.copyOf(appDex(), 0x70));
        m.put("file-size-lies.dex", () -> {
            byte[] b = smallDex();
            b[32] ^= 0x40;
            return b;
        });
        return m;
    }

    private static ApkFixtureBuilder minimal() {
        return ApkFixtureBuilder.apk().manifest(ApkFixtureBuilder.minimalManifest("com.example.fuzz"));
    }

    static AxmlWriter.Element manifestWithRefs() {
        return element("manifest").attr("package", "com.example.res").android("versionCode", 3)
                .androidRef("versionName", ArscWriter.stringId(1))
                .child(element("application").androidRef("label", ArscWriter.stringId(0))
                        .androidRef("networkSecurityConfig", ArscWriter.xmlId(0)));
    }

    private static AxmlWriter.Element fullManifest() {
        return element("manifest").attr("package", "com.example.full").android("versionCode", 42)
                .android("versionCodeMajor", 1).android("versionName", "4.2").android("compileSdkVersion", 34)
                .child(element("uses-sdk").android("minSdkVersion", 21).android("targetSdkVersion", 34))
                .child(element("uses-permission").android("name", "android.permission.READ_PHONE_STATE"))
                .child(element("uses-permission-sdk-23").android("name", "android.permission.CAMERA")
                        .android("maxSdkVersion", 30))
                .child(element("permission").android("name", "com.example.full.C2D")
                        .androidHex("protectionLevel", 2))
                .child(element("application").android("label", "Full").android("debuggable", true)
                        .android("allowBackup", false).android("usesCleartextTraffic", true)
                        .android("name", ".App")
                        .child(element("activity").android("name", ".Main")
                                .child(element("intent-filter")
                                        .child(element("action").android("name", "android.intent.action.MAIN"))
                                        .child(element("category")
                                                .android("name", "android.intent.category.LAUNCHER"))
                                        .child(element("data").android("scheme", "https")
                                                .android("host", "example.cn").android("path", "/a"))))
                        .child(element("service").android("name", ".Sync").android("exported", true)
                                .android("permission", "com.example.full.C2D")
                                .androidHex("foregroundServiceType", 8))
                        .child(element("provider").android("name", "com.example.full.Files")
                                .android("authorities", "com.example.full.files;com.example.full.other"))
                        .child(element("receiver").android("name", ".Boot").android("enabled", false))
                        .child(element("meta-data").android("name", "CHANNEL").android("value", "store")))
                .child(element("queries").child(element("package").android("name", "com.tencent.mm")))
                .child(element("uses-feature").android("name", "android.hardware.camera")
                        .android("required", false));
    }

    private static byte[] nsc() {
        return AxmlWriter.write(element("network-security-config")
                .child(element("base-config").attrBool("cleartextTrafficPermitted", false)
                        .child(element("trust-anchors").child(element("certificates").attr("src", "user"))))
                .child(element("domain-config").attrBool("cleartextTrafficPermitted", true)
                        .child(element("domain").attrBool("includeSubdomains", true).text("example.cn"))));
    }

    private static byte[] arsc() {
        return ArscWriter.table().string("app_name", "Shop").string("version", "2.0-beta")
                .zhString("app_name", "商店").xml("nsc", "res/xml/nsc.xml").build();
    }

    private static byte[] appDex() {
        return DexFixture.dex()
                .cls("Lcom/example/Main;", "Landroid/app/Activity;", "Ljava/lang/Runnable;")
                .method("onCreate", "(Landroid/os/Bundle;)V")
                .invokeVirtual(GET_DEVICE_ID)
                .invoke(Opcode.INVOKE_VIRTUAL_RANGE, GET_DEVICE_ID)
                .invokeStatic(FOR_NAME)
                .invoke(Opcode.INVOKE_DIRECT, DEX_LOADER_INIT)
                .constString("http://api.example.cn/v1")
                .constString("https://secure.example.cn")
                .end()
                .method("run", "()V").invokeVirtual("Lcom/example/Main;->onCreate(Landroid/os/Bundle;)V").end()
                .end()
                .cls("Lcom/example/Helper;", "Ljava/lang/Object;")
                .method("help", "(IJ)V").constString("plain").end()
                .end()
                .build();
    }

    private static byte[] smallDex() {
        return DexFixture.dex().cls("La/B;", "Ljava/lang/Object;").method("x", "()V")
                .invokeVirtual(GET_DEVICE_ID).end().end().build();
    }

    public static void main(String[] args) throws Exception {
        write(args.length > 0 ? Path.of(args[0]) : DIR);
    }

    static void write(Path dir) throws Exception {
        for (var target : all().entrySet()) {
            Path d = dir.resolve(target.getKey());
            Files.createDirectories(d);
            for (var seed : target.getValue().entrySet()) {
                Files.write(d.resolve(seed.getKey()), seed.getValue().get());
            }
        }
    }
}
