package com.admissiongate.apk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.DexFacts;
import com.admissiongate.apk.TrackedApis;
import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.dex.DexCollector;
import com.admissiongate.apk.internal.dex.DexFileReader;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** DEX target: the DEX reader and collector, and the same bytes as classes.dex of an APK. */
class DexFuzzTests {

    private static final byte[] MANIFEST = com.admissiongate.testkit.AxmlWriter.write(
            ApkFixtureBuilder.minimalManifest("com.example.fuzz"));

    @FuzzTest(maxDuration = "30s")
    void scanDex(byte[] input) throws Exception {
        FuzzContract.withinAllocationBudget(input.length, () -> {
            boolean whole = scanDirectly(input);
            ApkReport r = FuzzContract.analyzeAndCheck(ApkFixtureBuilder.apk()
                    .stored("AndroidManifest.xml", MANIFEST).stored("classes.dex", input).build());
            if (!whole) {
                assertThat(r.complete()).as("rejected classes.dex but complete=true: %s", r.issues()).isFalse();
            }
        });
    }

    private static boolean scanDirectly(byte[] input) {
        Issues issues = new Issues();
        DexCollector collector = new DexCollector(FuzzContract.LIMITS, TrackedApis.defaults());
        boolean whole = new DexFileReader(collector, issues).read(input, "classes.dex", "classes.dex");
        if (!whole) {
            assertThat(issues.issues()).as("DEX rejected without an issue").isNotEmpty();
        }
        DexFacts facts = collector.facts();
        assertThat(facts.files().size()).isLessThanOrEqualTo(1);
        assertThat(facts.callSites().size()).isLessThanOrEqualTo(FuzzContract.LIMITS.maxCallSites());
        assertThat(facts.urls().size()).isLessThanOrEqualTo(FuzzContract.LIMITS.maxUrls());
        assertThat(collector.index()).isNotNull();
        return whole;
    }
}
