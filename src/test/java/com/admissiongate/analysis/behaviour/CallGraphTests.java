package com.admissiongate.analysis.behaviour;

import static com.admissiongate.testkit.SmaliDex.method;
import static com.admissiongate.testkit.SmaliDex.staticMethod;
import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.DexIndex;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.SmaliDex;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call graph's sweep results and neighbourhood walks on a DEX built in code. */
class CallGraphTests {

    private static final String MAIN = "Lcom/example/Main;";
    private static final String UTIL = "Lcom/example/Util;";
    private static final String LISTENER = "Lcom/example/Listener;";

    @TempDir
    Path dir;

    private CallGraph graph(String fixture, SmaliDex dex) {
        AxmlWriter.Element manifest = AxmlWriter.element("manifest").attr("package", "com.example")
                .android("versionCode", 1).child(AxmlWriter.element("application"));
        Path apk = ApkFixtureBuilder.apk().manifest(manifest).entry("classes.dex", dex.build()).writeTo(dir, fixture);
        ApkReport r = new ApkAnalyzer().analyze(apk);
        assertThat(r.complete()).isTrue();
        return new CallGraph(r.dexIndex(), List.of(), BehaviourLimits.defaults(), Long.MAX_VALUE);
    }

    private static int id(CallGraph g, String ref) {
        int id = g.index.methodId(ref);
        assertThat(id).as(ref).isGreaterThanOrEqualTo(0);
        return id;
    }

    /** Main.run() calls Util.a() three times and creates two Listeners; a() calls b(), b() calls c(). */
    private static SmaliDex dex() {
        return SmaliDex.dex()
                .cls(MAIN, "Ljava/lang/Object;", method("run()V", 1,
                        "invoke-static {}, " + UTIL + "->a()V",
                        "invoke-static {}, " + UTIL + "->a()V",
                        "new-instance v0, " + LISTENER,
                        "invoke-static {}, " + UTIL + "->a()V",
                        "new-instance v0, " + LISTENER,
                        "return-void"))
                .cls(UTIL, "Ljava/lang/Object;",
                        staticMethod("a()V", 0, "invoke-static {}, " + UTIL + "->b()V", "return-void"),
                        staticMethod("b()V", 0, "invoke-static {}, " + UTIL + "->c()V", "return-void"),
                        staticMethod("c()V", 0, "return-void"))
                .cls(LISTENER, "Ljava/lang/Object;", List.of("Landroid/view/View$OnClickListener;"),
                        method("onClick(Landroid/view/View;)V", 0, "return-void"));
    }

    @Test
    void aMethodRecordsEachTypeUseOnce() {
        CallGraph g = graph("type-uses-repeated", dex());
        MethodInfo run = g.infos[id(g, MAIN + "->run()V")];
        // three static calls into Util and two new-instance of Listener: one use each, in code order
        assertThat(run.types).containsExactly(new MethodInfo.TypeUse(UTIL, false, false),
                new MethodInfo.TypeUse(LISTENER, false, true));
        assertThat(run.sites).hasSize(3);
        assertThat(Arrays.stream(g.successors(id(g, MAIN + "->run()V"))).boxed().toList())
                .contains(id(g, LISTENER + "->onClick(Landroid/view/View;)V"), id(g, UTIL + "->a()V"));
    }

    /**
     * A method touching 40 classes twice over: past {@link MethodInfo#DISTINCT_TYPES} its type uses repeat, and the
     * edge pass still adds each class's static initializer once (below that length it trusts the sweep's list).
     */
    @Test
    void aLongListOfTypeUsesStillAddsEachClinitOnce() {
        int classes = 40;
        List<String> code = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < classes; i++) {
                code.add("invoke-static {}, Lcom/example/C" + i + ";->f()V");
            }
        }
        code.add("return-void");
        SmaliDex dex = SmaliDex.dex().cls(MAIN, "Ljava/lang/Object;",
                staticMethod("touchAll()V", 0, code.toArray(new String[0])));
        for (int i = 0; i < classes; i++) {
            dex.cls("Lcom/example/C" + i + ";", "Ljava/lang/Object;", staticMethod("<clinit>()V", 0, "return-void"),
                    staticMethod("f()V", 0, "return-void"));
        }
        CallGraph g = graph("type-uses-past-the-searched-length", dex);
        int caller = id(g, MAIN + "->touchAll()V");
        assertThat(g.infos[caller].types).hasSizeGreaterThan(MethodInfo.DISTINCT_TYPES);
        List<Integer> successors = Arrays.stream(g.successors(caller)).boxed().toList();
        for (int i = 0; i < classes; i++) {
            int clinit = id(g, "Lcom/example/C" + i + ";-><clinit>()V");
            assertThat(successors.stream().filter(t -> t == clinit).count()).as("clinit of C" + i).isEqualTo(1);
        }
    }

    @Test
    void nearWalksCallsBreadthFirstAndItsChainsEndAtTheRoot() {
        CallGraph g = graph("near-walk", dex());
        java.util.Map<Integer, Integer> two = g.near(id(g, MAIN + "->run()V"), 2);
        assertThat(two.keySet().stream().map(g.index::method).toList())
                .containsExactly(MAIN + "->run()V", UTIL + "->a()V", UTIL + "->b()V");
        assertThat(g.chain(two, id(g, UTIL + "->b()V")))
                .containsExactly(MAIN + "->run()V", UTIL + "->a()V", UTIL + "->b()V");
        assertThat(g.chain(g.near(id(g, UTIL + "->a()V"), 3), id(g, UTIL + "->c()V")))
                .containsExactly(UTIL + "->a()V", UTIL + "->b()V", UTIL + "->c()V");
    }

    @Test
    void fieldRefsHaveOneIdAcrossReads() {
        CallGraph g = graph("field-ref-ids", SmaliDex.dex()
                .cls(MAIN, "Ljava/lang/Object;", staticMethod("read()V", 1,
                        "sget-object v0, " + UTIL + "->name:Ljava/lang/String;",
                        "sget-object v0, " + UTIL + "->name:Ljava/lang/String;",
                        "sget-boolean v0, " + UTIL + "->agreed:Z",
                        "return-void"))
                .cls(UTIL, "Ljava/lang/Object;", staticMethod("c()V", 0, "return-void")));
        MethodInfo read = g.infos[id(g, MAIN + "->read()V")];
        assertThat(read.fieldReadCount).isEqualTo(3);
        int[] ids = Arrays.copyOf(read.fieldReads, 3);
        assertThat(ids[0]).isEqualTo(ids[1]).isNotEqualTo(ids[2]);
        assertThat(g.fieldRef(ids[0])).isEqualTo(UTIL + "->name:Ljava/lang/String;");
        assertThat(g.fieldRef(ids[2])).isEqualTo(UTIL + "->agreed:Z");
        assertThat(g.fieldRefCount()).isEqualTo(2);
    }

    @Test
    void indexAnswersRefsByIdFromItsArray() {
        CallGraph g = graph("method-refs", dex());
        DexIndex index = g.index;
        for (int i = 0; i < index.methodCount(); i++) {
            assertThat(index.methodId(index.method(i))).isEqualTo(i);
        }
    }
}
