package com.admissiongate.analysis.behaviour;

import static com.admissiongate.testkit.SmaliDex.method;
import static com.admissiongate.testkit.SmaliDex.staticMethod;
import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.io.ByteSources;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.SmaliDex;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;

/**
 * The behaviour analysis over hostile bytecode. The DEX parser fuzz target rarely gets past the DEX header to
 * code worth analysing, so here the input <em>is</em> the code: its bytes replace the 64 code units of
 * {@code Fuzz.body(String, int)} inside a valid DEX whose other methods reference sources, sinks, comparisons,
 * fields and strings, so fuzzed invoke, field and string indexes land on them. Every instruction decoder, the
 * basic blocks and their post-dominators, the pre-consent scan and the flow analysis (control dependence
 * included) see branch targets, switch payloads and register numbers outside the method.
 *
 * <p>Contract: nothing is thrown (FactsAssembler's guard would turn a throw into an incomplete behaviour area, a
 * false REJECT of a good app); the section is complete exactly when it names no reason; it serializes.
 */
class BehaviourFuzzTests {

    private static final String FUZZ = "Lcom/example/Fuzz;";
    private static final int UNITS = 64;
    private static final BehaviourAnalyzer BEHAVIOUR = new BehaviourAnalyzer(CatalogLoader.fromClasspath(),
            new BehaviourLimits(100_000, 64, 5_000, 6, 50));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MANIFEST = AxmlWriter.write(AxmlWriter.element("manifest")
            .attr("package", "com.example").android("versionCode", 1)
            .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 21).android("targetSdkVersion", 30))
            .child(AxmlWriter.element("application").child(AxmlWriter.element("activity")
                    .android("name", "com.example.Fuzz").android("exported", true)
                    .child(AxmlWriter.element("intent-filter")
                            .child(AxmlWriter.element("action").android("name", "android.intent.action.MAIN"))
                            .child(AxmlWriter.element("category")
                                    .android("name", "android.intent.category.LAUNCHER"))))));
    private static final byte[] SKELETON = skeleton();
    /** Byte offset of body's first code unit in {@link #SKELETON}. */
    private static final int BODY = bodyOffset(SKELETON);

    @FuzzTest(maxDuration = "30s")
    void analyzeCode(byte[] input) throws Exception {
        byte[] dex = SKELETON.clone();
        System.arraycopy(input, 0, dex, BODY, Math.min(input.length, UNITS * 2));
        ApkReport r = new ApkAnalyzer().analyze(ByteSources.wrap(ApkFixtureBuilder.apk()
                .stored("AndroidManifest.xml", MANIFEST).stored("classes.dex", dex).build()));
        assertThat(r.dexIndex()).as("the skeleton's DEX header and tables are intact").isNotNull();
        BehaviourFacts b = BEHAVIOUR.analyze(r.dexIndex(), r.manifest(), r.resources().passwordFields());
        assertThat(b).isNotNull();
        assertThat(b.complete()).as("complete iff no reason: %s", b.incompleteReason())
                .isEqualTo(b.incompleteReason() == null);
        assertThat(JSON.writeValueAsString(b)).isNotEmpty();
    }

    /**
     * onCreate calls body (64 nops, the first 32 in a try range whose catch-all handler follows the return-void)
     * and refs, which reads the device id and hands it to a comparison, an emptiness test, a builder, a static
     * field, a log line and a command line.
     */
    private static byte[] skeleton() {
        String[] body = new String[UNITS + 7];
        Arrays.fill(body, "nop");
        body[0] = ":try_start";
        body[UNITS / 2 + 1] = ":try_end";
        body[UNITS + 2] = "return-void";
        body[UNITS + 3] = ".catchall {:try_start .. :try_end} :handler";
        body[UNITS + 4] = ":handler";
        body[UNITS + 5] = "move-exception v0";
        body[UNITS + 6] = "return-void";
        return SmaliDex.dex().cls(FUZZ, "Landroid/app/Activity;",
                method("onCreate(Landroid/os/Bundle;)V", 2,
                        "const/4 v0, 0",
                        "const/4 v1, 0",
                        "invoke-static {v0, v1}, " + FUZZ + "->body(Ljava/lang/String;I)V",
                        "invoke-static {}, " + FUZZ + "->refs()V",
                        "return-void"),
                staticMethod("body(Ljava/lang/String;I)V", 16, body),
                staticMethod("refs()V", 6,
                        "const/4 v1, 0",
                        "invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;",
                        "move-result-object v0",
                        "const-string v2, \"tag\"",
                        "invoke-virtual {v0, v2}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z",
                        "move-result v3",
                        "invoke-static {v0}, Landroid/text/TextUtils;->isEmpty(Ljava/lang/CharSequence;)Z",
                        "move-result v3",
                        "invoke-virtual {v0}, Ljava/lang/String;->length()I",
                        "move-result v3",
                        "sput-boolean v3, " + FUZZ + "->flag:Z",
                        "new-instance v4, Ljava/lang/StringBuilder;",
                        "invoke-direct {v4}, Ljava/lang/StringBuilder;-><init>()V",
                        "invoke-virtual {v4, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;",
                        "sput-object v0, " + FUZZ + "->stored:Ljava/lang/String;",
                        "sget-object v0, " + FUZZ + "->stored:Ljava/lang/String;",
                        "invoke-static {v2, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I",
                        "invoke-static {}, Ljava/lang/Runtime;->getRuntime()Ljava/lang/Runtime;",
                        "move-result-object v5",
                        "invoke-virtual {v5, v0}, Ljava/lang/Runtime;->exec(Ljava/lang/String;)Ljava/lang/Process;",
                        "return-void"))
                .build();
    }

    /**
     * The 64 nop units followed by return-void in a code_item of 67 units with one try range: body's instructions.
     */
    private static int bodyOffset(byte[] dex) {
        outer:
        for (int p = 4; p + UNITS * 2 + 2 <= dex.length; p += 2) {
            for (int i = 0; i < UNITS * 2; i++) {
                if (dex[p + i] != 0) {
                    continue outer;
                }
            }
            int insnsSize = (dex[p - 4] & 0xff) | (dex[p - 3] & 0xff) << 8 | (dex[p - 2] & 0xff) << 16
                    | (dex[p - 1] & 0xff) << 24;
            int triesSize = (dex[p - 10] & 0xff) | (dex[p - 9] & 0xff) << 8;
            if (dex[p + UNITS * 2] == 0x0e && dex[p + UNITS * 2 + 1] == 0 && insnsSize == UNITS + 3
                    && triesSize == 1) {
                return p;
            }
        }
        throw new IllegalStateException("body's code not found in the skeleton DEX");
    }
}
