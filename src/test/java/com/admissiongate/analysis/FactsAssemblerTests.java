package com.admissiongate.analysis;

import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.signing.SigningVerifier;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.DexFixture;
import com.admissiongate.testkit.ElfStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A real APK (ZIP + AXML + DEX + .so, built by the fixture builder) through the whole Facts assembly. */
class FactsAssemblerTests {

    static FactsAssembler assembler;

    @BeforeAll
    static void load() {
        SigningVerifier verifier = new SigningVerifier();
        assembler = new FactsAssembler(ApkLimits.defaults(), CatalogLoader.fromClasspath(),
                (apk, minSdk) -> verifier.verify(apk, minSdk, null), new ObjectMapper());
    }

    static List<String> ids(JsonNode sdks) {
        List<String> out = new ArrayList<>();
        sdks.forEach(s -> out.add(s.get("id").asText()));
        return out;
    }

    /** A minimal app com.example.{name} with one class, signed by {@link com.admissiongate.testkit.TestSigner} for minSdk 21. */
    static Path signedApp(Path dir, String name) throws Exception {
        byte[] unsigned = java.nio.file.Files.readAllBytes(ApkFixtureBuilder.apk()
                .manifest(ApkFixtureBuilder.minimalManifest("com.example." + name))
                .dex("classes.dex", DexFixture.dex().cls("Lcom/example/" + name + "/App;", "Landroid/app/Application;").end())
                .writeTo(dir, "unsigned.apk"));
        return java.nio.file.Files.write(dir.resolve("signed.apk"),
                com.admissiongate.testkit.TestSigner.rsa("CN=" + name, 2048).sign(unsigned, 21));
    }

    /** The default limits with in-memory-max 0: every stage reads the file itself. */
    static ApkLimits readingFromFile() {
        ApkLimits d = ApkLimits.defaults();
        return new ApkLimits(d.maxEntries(), d.maxTotalUncompressed(), d.maxEntryUncompressed(), d.maxRatio(),
                d.ratioMinSize(), d.maxNesting(), d.maxStringPool(), d.maxXmlSize(), d.maxArscSize(), d.maxDexSize(),
                d.maxStrings(), d.maxStringLength(), d.maxAssets(), d.maxUrls(), d.maxCallSites(), 0);
    }

    @Test
    void shouldGiveTheSameFactsWhenSignaturesAreVerifiedOnAnotherThread(@TempDir Path dir) throws Exception {
        Path apk = signedApp(dir, "concurrent");
        SigningVerifier verifier = new SigningVerifier();
        java.util.concurrent.atomic.AtomicInteger handedOff = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor otherThread = task -> {
            handedOff.incrementAndGet();
            new Thread(task, "signing-test").start();
        };
        FactsAssembler concurrent = new FactsAssembler(ApkLimits.defaults(),
                com.admissiongate.analysis.behaviour.BehaviourLimits.defaults(),
                com.admissiongate.privacy.BundledPolicies.Limits.defaults(), CatalogLoader.fromClasspath(),
                (a, minSdk) -> verifier.verifyDeferringMinSdk(a, minSdk, null), new ObjectMapper(), otherThread);

        JsonNode inline = assembler.assemble(apk);
        JsonNode parallel = concurrent.assemble(apk);

        assertThat(handedOff.get()).as("file hash and signature verification").isEqualTo(2);
        assertThat(parallel.get("sha256").asText()).hasSize(64);
        assertThat(parallel.get("signing").get("verified").asBoolean()).isTrue();
        assertThat(parallel).isEqualTo(inline);

        // a failing verifier on the other thread is the same incomplete area as inline
        FactsAssembler failing = new FactsAssembler(ApkLimits.defaults(),
                com.admissiongate.analysis.behaviour.BehaviourLimits.defaults(),
                com.admissiongate.privacy.BundledPolicies.Limits.defaults(), CatalogLoader.fromClasspath(),
                (a, minSdk) -> {
                    throw new IllegalStateException("boom");
                }, new ObjectMapper(), otherThread);
        JsonNode failed = failing.assemble(apk);
        assertThat(failed.get("complete").asBoolean()).isFalse();
        assertThat(failed.get("signing").isNull()).isTrue();
        assertThat(failed.get("incomplete").toString()).contains("signing verification failed: boom");
    }

    @Test
    void shouldGiveTheSameFactsFromTheHeapCopyAsFromTheFile(@TempDir Path dir) throws Exception {
        Path apk = signedApp(dir, "inmemory");
        ApkLimits d = ApkLimits.defaults();
        ApkLimits fromFile = readingFromFile();
        SigningVerifier fileVerifier = new SigningVerifier(0);
        FactsAssembler streaming = new FactsAssembler(fromFile, CatalogLoader.fromClasspath(),
                (a, minSdk) -> fileVerifier.verify(a, minSdk, null), new ObjectMapper());

        JsonNode heap = assembler.assemble(apk);
        JsonNode file = streaming.assemble(apk);

        assertThat(java.nio.file.Files.size(apk)).isLessThan(d.inMemoryMax());
        assertThat(heap.get("signing").get("verified").asBoolean()).isTrue();
        assertThat(heap.get("dex").get("classCount").asInt()).isEqualTo(1);
        assertThat(file).isEqualTo(heap);
    }

    @Test
    void theFileIsReadOnceAndItsBytesGoToTheSigningStep(@TempDir Path dir) throws Exception {
        Path apk = signedApp(dir, "readonce");
        ApkLimits d = ApkLimits.defaults();
        ApkLimits fromFile = readingFromFile();
        SigningVerifier verifier = new SigningVerifier();
        FactsAssembler.SigningStep apksig = FactsAssembler.SigningStep.apksig(verifier);
        List<byte[]> handed = new ArrayList<>();
        FactsAssembler.SigningStep recording = new FactsAssembler.SigningStep() {
            @Override
            public Object verify(Path a, java.util.function.Supplier<Integer> minSdk) {
                throw new AssertionError("the assembler hands its bytes (or null) to the step");
            }

            @Override
            public Object verify(Path a, byte[] bytes, java.util.function.Supplier<Integer> minSdk) {
                handed.add(bytes);
                return apksig.verify(a, bytes, minSdk);
            }
        };
        for (ApkLimits limits : List.of(d, fromFile)) {
            JsonNode facts = new FactsAssembler(limits, com.admissiongate.analysis.behaviour.BehaviourLimits.defaults(),
                    com.admissiongate.privacy.BundledPolicies.Limits.defaults(), CatalogLoader.fromClasspath(), recording,
                    new ObjectMapper(), null).assemble(apk);
            assertThat(facts.get("signing").get("verified").asBoolean()).isTrue();
        }

        assertThat(handed).hasSize(2);
        assertThat(handed.get(0)).isEqualTo(java.nio.file.Files.readAllBytes(apk));
        assertThat(handed.get(1)).as("in-memory-max 0: apksig reads the file").isNull();
        // the apksig step verifies the bytes it is handed, not the file behind the path
        Path garbage = java.nio.file.Files.write(dir.resolve("garbage.apk"), new byte[] {1, 2, 3});
        com.admissiongate.apk.signing.SigningReport fromBytes = (com.admissiongate.apk.signing.SigningReport)
                apksig.verify(garbage, handed.get(0), () -> 21);
        assertThat(fromBytes.verified()).isTrue();
        assertThat(((com.admissiongate.apk.signing.SigningReport) apksig.verify(garbage, null, () -> 21)).verified())
                .isFalse();
    }

    @Test
    void jpushUmengAndJiaguFixtureYieldsThoseSdksThePackerAndAttributedPiAccess(@TempDir Path dir) {
        DexFixture dex = DexFixture.dex()
                .cls("Lcom/example/app/App;", "Landroid/app/Application;")
                    .method("onCreate", "()V")
                        .invokeStatic("Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V")
                        .end().end()
                .cls("Lcn/jpush/android/api/JPushInterface;", "Ljava/lang/Object;").end()
                .cls("Lcn/jpush/android/service/PushService;", "Ljava/lang/Object;")
                    .method("collect", "()V")
                        .invokeVirtual("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;")
                        .end().end()
                .cls("Lcom/umeng/analytics/MobclickAgent;", "Ljava/lang/Object;").end();
        Path apk = ApkFixtureBuilder.apk()
                .manifest(ApkFixtureBuilder.minimalManifest("com.example.app"))
                .dex("classes.dex", dex)
                .nativeLib("armeabi-v7a", "libjiagu.so", ElfStub.elf32(4096))
                .writeTo(dir, "jpush-umeng-jiagu.apk");

        JsonNode facts = assembler.assemble(apk);

        assertThat(ids(facts.get("sdks"))).contains("jpush", "umeng-analytics");
        JsonNode jpush = null;
        for (JsonNode s : facts.get("sdks")) {
            if (s.get("id").asText().equals("jpush")) {
                jpush = s;
            }
        }
        assertThat(jpush.get("initialised").asBoolean()).as("init called from app code").isTrue();
        assertThat(jpush.get("initEvidence").toString()).contains("Lcom/example/app/App;->onCreate()V");
        assertThat(facts.get("packer").get("id").asText()).isEqualTo("jiagu-360");
        JsonNode device = null;
        for (JsonNode p : facts.get("piAccess")) {
            if (p.get("piType").asText().equals("device-identifier") && p.get("via").asText().equals("api")) {
                device = p;
            }
        }
        assertThat(device).as(facts.get("piAccess").toString()).isNotNull();
        assertThat(device.get("attributedTo").asText()).isEqualTo("jpush");
        assertThat(device.get("evidence").toString()).contains("Lcn/jpush/android/service/PushService;->collect()V");
        assertThat(facts.get("analyzerVersion").asText()).startsWith("apk-").contains("+cat-");
    }
}
