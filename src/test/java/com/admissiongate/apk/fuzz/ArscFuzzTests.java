package com.admissiongate.apk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.arsc.ArscReader;
import com.admissiongate.apk.internal.arsc.ResourceTable;
import com.admissiongate.apk.internal.axml.AxmlException;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.ArscWriter;
import com.admissiongate.testkit.AxmlWriter;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * resources.arsc target: the table reader, reference resolution over what it read, and the
 * same bytes as resources.arsc next to a manifest whose label and network security config
 * are references into it.
 */
class ArscFuzzTests {

    private static final byte[] MANIFEST_WITH_REFS = AxmlWriter.write(AxmlWriter.element("manifest")
            .attr("package", "com.example.fuzz").android("versionCode", 1)
            .androidRef("versionName", ArscWriter.stringId(1))
            .child(AxmlWriter.element("application").androidRef("label", ArscWriter.stringId(0))
                    .androidRef("networkSecurityConfig", ArscWriter.xmlId(0))));

    @FuzzTest(maxDuration = "30s")
    void readResourceTable(byte[] input) throws Exception {
        FuzzContract.withinAllocationBudget(input.length, () -> {
            readDirectly(input);
            FuzzContract.analyzeAndCheck(ApkFixtureBuilder.apk().stored("AndroidManifest.xml", MANIFEST_WITH_REFS)
                    .stored("resources.arsc", input).build());
        });
    }

    private static void readDirectly(byte[] input) {
        Issues issues = new Issues();
        ResourceTable table;
        try {
            table = new ArscReader(FuzzContract.LIMITS, issues).read(input);
        } catch (AxmlException expected) {
            assertThat(expected.code()).isNotNull();
            return;
        }
        Map<String, Map<String, String>> locales = table.localeStrings();
        assertThat(locales).containsOnlyKeys("default", "zh");
        for (Map<String, String> strings : locales.values()) {
            assertThat(strings.size()).isLessThanOrEqualTo(FuzzContract.LIMITS.maxStrings());
            strings.values().forEach(v ->
                    assertThat(v.length()).isLessThanOrEqualTo(FuzzContract.LIMITS.maxStringLength()));
        }
        for (int id : new int[] {ArscWriter.stringId(0), ArscWriter.stringId(1), ArscWriter.xmlId(0), 0, -1}) {
            table.resolveString(id);
        }
    }
}
