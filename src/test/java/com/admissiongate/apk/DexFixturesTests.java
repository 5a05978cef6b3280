package com.admissiongate.apk;

import static com.admissiongate.apk.FixtureSupport.analyze;
import static com.admissiongate.apk.FixtureSupport.codes;
import static com.admissiongate.apk.FixtureSupport.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.DexFixture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jf.dexlib2.Opcode;

/** DEX fixtures: exact call sites, the index, and hostile headers. */
class DexFixturesTests {

    static final String GET_DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;";
    static final String FOR_NAME = "Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;";
    static final String DEX_LOADER_INIT = "Ldalvik/system/DexClassLoader;-><init>(Ljava/lang/String;Ljava/lang/String;"
            + "Ljava/lang/String;Ljava/lang/ClassLoader;)V";
    static final String ON_CREATE = "Lcom/example/Main;->onCreate(Landroid/os/Bundle;)V";

    @TempDir
    Path dir;

    static DexFixture app() {
        return DexFixture.dex()
                .cls("Lcom/example/Main;", "Landroid/app/Activity;", "Ljava/lang/Runnable;")
                .method("onCreate", "(Landroid/os/Bundle;)V")
                .invokeVirtual(GET_DEVICE_ID)
                .invoke(Opcode.INVOKE_VIRTUAL_RANGE, GET_DEVICE_ID)
                .invokeStatic(FOR_NAME)
                .invoke(Opcode.INVOKE_DIRECT, DEX_LOADER_INIT)
                .constString("http://tracker.example.com/collect")
                .constString("https://api.example.com")
                .end()
                .method("run", "()V").invokeVirtual("Lcom/example/Main;->toString()Ljava/lang/String;").end()
                .end();
    }

    @Test
    void trackedCallSitesWithExactCallerAndCallee() {
        ApkReport r = analyze(dir, "call-sites-tracked", minimal().dex("classes.dex", app()));
        assertThat(r.issues()).isEmpty();
        DexFacts d = r.dex();
        assertThat(d.callSites()).containsExactly(
                new DexFacts.CallSite(GET_DEVICE_ID, ON_CREATE),
                new DexFacts.CallSite(GET_DEVICE_ID, ON_CREATE),
                new DexFacts.CallSite(FOR_NAME, ON_CREATE),
                new DexFacts.CallSite(DEX_LOADER_INIT, ON_CREATE));
        assertThat(d.callSiteCounts()).containsEntry(GET_DEVICE_ID, 2).containsEntry(FOR_NAME, 1).hasSize(3);
        assertThat(d.reflection()).containsExactly(new DexFacts.CallSite(FOR_NAME, ON_CREATE));
        assertThat(d.dynamicLoading()).containsExactly(new DexFacts.CallSite(DEX_LOADER_INIT, ON_CREATE));
        assertThat(d.urls()).containsExactly("http://tracker.example.com/collect", "https://api.example.com");
        assertThat(d.httpUrls()).containsExactly("http://tracker.example.com/collect");
        assertThat(d.classCount()).isEqualTo(1);
        assertThat(d.files()).extracting(DexFacts.DexFile::name).containsExactly("classes.dex");
    }

    @Test
    void dexIndexExposesWholeProgram() {
        ApkReport r = analyze(dir, "dex-index", minimal().dex("classes.dex", app()));
        DexIndex idx = r.dexIndex();
        assertThat(idx.classes()).hasSize(1);
        DexIndex.DexClass c = idx.classes().get(0);
        assertThat(c.name()).isEqualTo("Lcom/example/Main;");
        assertThat(c.superName()).isEqualTo("Landroid/app/Activity;");
        assertThat(c.interfaces()).containsExactly("Ljava/lang/Runnable;");
        assertThat(c.methods()).hasSize(2);
        assertThat(idx.callSiteCount()).isEqualTo(5);
        int onCreate = idx.methodId(ON_CREATE);
        assertThat(idx.method(idx.callee(0))).isEqualTo(GET_DEVICE_ID);
        assertThat(idx.caller(0)).isEqualTo(onCreate);
        assertThat(idx.kind(0)).isEqualTo(InvokeKind.VIRTUAL);
        assertThat(idx.kind(3)).isEqualTo(InvokeKind.DIRECT);
        assertThat(idx.strings(onCreate)).containsExactly("http://tracker.example.com/collect",
                "https://api.example.com");
    }

    @Test
    void dexIndexKeepsEachRefsClassAndSubSignatureWithOneClassStringPerType() {
        ApkReport r = analyze(dir, "dex-index-parts", minimal().dex("classes.dex", app()));
        DexIndex idx = r.dexIndex();
        int[] own = idx.classes().get(0).methods();
        for (int id = 0; id < idx.methodCount(); id++) {
            assertThat(idx.methodClass(id) + "->" + idx.methodSub(id)).isEqualTo(idx.method(id));
        }
        int onCreate = idx.methodId(ON_CREATE);
        assertThat(idx.methodSub(onCreate)).isEqualTo("onCreate(Landroid/os/Bundle;)V");
        // the call graph hashes the class once per type, not once per method ref
        assertThat(idx.methodClass(own[0])).isSameAs(idx.methodClass(own[1])).isSameAs(idx.classes().get(0).name());
        assertThat(idx.strings(idx.methodCount() + 5)).isEmpty();
    }

    @Test
    void multidexFilesAreAllScanned() {
        ApkReport r = analyze(dir, "multidex", minimal().dex("classes.dex", app())
                .dex("classes2.dex", DexFixture.dex().cls("Lb/B;", "Ljava/lang/Object;")
                        .method("x", "()V").invokeVirtual(GET_DEVICE_ID).end().end()));
        assertThat(r.dex().files()).extracting(DexFacts.DexFile::name).containsExactly("classes.dex", "classes2.dex");
        assertThat(r.dex().callSiteCounts()).containsEntry(GET_DEVICE_ID, 3);
        assertThat(r.dex().classCount()).isEqualTo(2);
    }

    @Test
    void dexInAssets() {
        ApkReport r = analyze(dir, "dex-in-assets", minimal().dex("assets/payload.bin", app()));
        assertThat(codes(r)).containsExactly("DEX_OUTSIDE_CLASSES");
        assertThat(r.nested()).containsExactly(new NestedArchive("assets/payload.bin", "dex", 1));
        assertThat(r.dex().files()).extracting(DexFacts.DexFile::source).containsExactly("assets/payload.bin");
        assertThat(r.dex().callSiteCounts()).containsEntry(GET_DEVICE_ID, 2);
    }

    private static byte[] patched(int offset, int value) {
        byte[] dex = app().build();
        ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return dex;
    }

    @Test
    void dexMethodIdsOutOfBounds() {
        ApkReport r = analyze(dir, "dex-method-ids-out-of-bounds", minimal().entry("classes.dex", patched(88, 0x0fffffff)));
        assertThat(codes(r)).containsExactly("DEX_METHOD_IDS_OUT_OF_BOUNDS");
        assertThat(r.incomplete()).extracting(Incomplete::area).containsExactly("dex");
    }

    @Test
    void dexStringIdsOutOfBounds() {
        ApkReport r = analyze(dir, "dex-string-ids-out-of-bounds", minimal().entry("classes.dex", patched(60, 0x7ffffff0)));
        assertThat(codes(r)).containsExactly("DEX_STRING_IDS_OUT_OF_BOUNDS");
    }

    @Test
    void dexClassDefsOutOfBounds() {
        ApkReport r = analyze(dir, "dex-class-defs-out-of-bounds", minimal().entry("classes.dex", patched(96, 100000)));
        assertThat(codes(r)).containsExactly("DEX_CLASS_DEFS_OUT_OF_BOUNDS");
    }

    @Test
    void dexHeaderTruncated() {
        byte[] dex = java.util.Arrays.copyOf(app().build(), 40);
        ApkReport r = analyze(dir, "dex-header-truncated", minimal().entry("classes.dex", dex));
        assertThat(codes(r)).containsExactly("DEX_HEADER_TRUNCATED");
    }

    @Test
    void dexBadMagic() {
        ApkReport r = analyze(dir, "dex-bad-magic", minimal().entry("classes.dex", new byte[200]));
        assertThat(codes(r)).containsExactly("DEX_BAD_MAGIC");
    }

    @Test
    void dexFileSizeLies() {
        ApkReport r = analyze(dir, "dex-file-size-lies", minimal().entry("classes.dex", patched(32, 99)));
        assertThat(codes(r)).containsExactly("DEX_FILE_SIZE_MISMATCH");
        assertThat(r.dex().callSiteCounts()).containsEntry(GET_DEVICE_ID, 2);
    }

    @Test
    void dexCodeItemPointsOutsideFile() {
        byte[] dex = app().build();
        ByteBuffer b = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
        int classDefsOff = b.getInt(100);
        b.putInt(classDefsOff + 24, dex.length + 1000);
        ApkReport r = analyze(dir, "dex-class-data-out-of-bounds", minimal().entry("classes.dex", dex));
        assertThat(codes(r)).containsExactly("DEX_DATA_OUT_OF_BOUNDS");
    }

    @Test
    void dexTooLarge() {
        ApkLimits small = new ApkLimits(100, 1 << 20, 1 << 20, 200, 1 << 20, 2, 1 << 16, 1 << 16, 1 << 16, 100,
                10, 10, 10, 10, 10);
        ApkReport r = analyze(dir, "dex-too-large", minimal().dex("classes.dex", app()), small);
        assertThat(codes(r)).containsExactly("DEX_TOO_LARGE");
    }

    /** A proto no compiler writes: its descriptor is refused before it is built, whatever the heap could hold. */
    @Test
    void dexProtoWithTooManyParameters() {
        // declared, not invoked: an invoke instruction cannot even name 256 argument registers
        ApkReport r = analyze(dir, "dex-proto-too-many-parameters", minimal().dex("classes.dex", DexFixture.dex()
                .cls("Lb/B;", "Ljava/lang/Object;").method("wide", "(" + "I".repeat(256) + ")V").end().end()));
        assertThat(codes(r)).containsExactly("DEX_MALFORMED");
        assertThat(r.issues().get(0).message()).contains("256 parameters");
        assertThat(r.incomplete()).extracting(Incomplete::area).containsExactly("dex");
    }

    @Test
    void dexProtoDescriptorTooLong() {
        // 200 parameters of one 401-character type: 80,203 characters, more than a class file can declare
        String type = "L" + "p/".repeat(199) + "T;";
        String wide = "Lb/B;->wide(" + type.repeat(200) + ")V";
        ApkReport r = analyze(dir, "dex-proto-descriptor-too-long", minimal().dex("classes.dex", DexFixture.dex()
                .cls("Lb/B;", "Ljava/lang/Object;").method("x", "()V")
                .invoke(Opcode.INVOKE_STATIC_RANGE, wide).end().end()));
        assertThat(codes(r)).containsExactly("DEX_MALFORMED");
        assertThat(r.issues().get(0).message()).contains("descriptor of " + (3 + 200 * type.length()) + " characters");
        assertThat(r.incomplete()).extracting(Incomplete::area).containsExactly("dex");
        // the longest descriptor a class file allows still reads
        String fits = "Lb/B;->fits(" + "L" + "q".repeat(65_530) + ";)V";
        ApkReport ok = analyze(dir, "dex-proto-descriptor-at-the-limit", minimal().dex("classes.dex", DexFixture.dex()
                .cls("Lb/B;", "Ljava/lang/Object;").method("x", "()V")
                .invoke(Opcode.INVOKE_STATIC_RANGE, fits).end().end()));
        assertThat(codes(ok)).isEmpty();
        assertThat(ok.dexIndex().methodId(fits)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void nestedApkTooDeep() {
        byte[] level3 = ApkFixtureBuilder.apk().dex("classes.dex", app()).build();
        byte[] level2 = ApkFixtureBuilder.apk().stored("c.apk", level3).build();
        byte[] level1 = ApkFixtureBuilder.apk().stored("b.apk", level2).build();
        ApkReport r = analyze(dir, "nested-apk-too-deep", minimal().stored("assets/a.apk", level1));
        assertThat(codes(r)).containsExactly("NESTED_TOO_DEEP");
        assertThat(r.nested()).extracting(NestedArchive::path, NestedArchive::depth).containsExactly(
                org.assertj.core.api.Assertions.tuple("assets/a.apk", 1),
                org.assertj.core.api.Assertions.tuple("assets/a.apk!b.apk", 2),
                org.assertj.core.api.Assertions.tuple("assets/a.apk!b.apk!c.apk", 3));
        assertThat(r.dex().files()).isEmpty();
    }

    @Test
    void nestedJarDexIsScanned() {
        byte[] jar = ApkFixtureBuilder.apk().dex("classes.dex", app()).build();
        ApkReport r = analyze(dir, "nested-jar-with-dex", minimal().entry("assets/plugin.jar", jar));
        assertThat(r.nested()).extracting(NestedArchive::path, NestedArchive::kind).containsExactly(
                org.assertj.core.api.Assertions.tuple("assets/plugin.jar", "jar"),
                org.assertj.core.api.Assertions.tuple("assets/plugin.jar!classes.dex", "dex"));
        assertThat(r.dex().callSiteCounts()).containsEntry(GET_DEVICE_ID, 2);
        assertThat(r.issues()).isEmpty();
    }
}
