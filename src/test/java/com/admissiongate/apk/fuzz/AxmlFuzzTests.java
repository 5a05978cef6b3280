package com.admissiongate.apk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.ManifestFacts;
import com.admissiongate.apk.ResourcesFacts;
import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.arsc.NetworkSecurityConfigReader;
import com.admissiongate.apk.internal.axml.AxmlException;
import com.admissiongate.apk.internal.axml.LayoutPasswordFieldReader;
import com.admissiongate.apk.internal.axml.ManifestParser;
import com.admissiongate.apk.internal.axml.XmlElement;
import com.admissiongate.apk.internal.axml.XmlTreeReader;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Binary XML target: the AXML tree reader, the manifest model built from it, the network
 * security config reader, the layout password-field reader, and the same bytes as AndroidManifest.xml and as a
 * layout of an otherwise valid APK.
 */
class AxmlFuzzTests {

    @FuzzTest(maxDuration = "30s")
    void parseManifest(byte[] input) throws Exception {
        FuzzContract.withinAllocationBudget(input.length, () -> {
            parseDirectly(input);
            ApkReport r = FuzzContract.analyzeAndCheck(ApkFixtureBuilder.apk().stored("AndroidManifest.xml", input)
                    .stored("res/layout/fuzz.xml", input).build());
            assertThat(r.archive().hasManifest()).isTrue();
            // a layout is read for password fields only: whatever its bytes, the resources area stays complete
            assertThat(r.incomplete()).extracting(com.admissiongate.apk.Incomplete::area).doesNotContain("resources");
        });
    }

    private static void parseDirectly(byte[] input) {
        java.util.List<ResourcesFacts.PasswordField> fields = new java.util.ArrayList<>();
        try {
            LayoutPasswordFieldReader.read(input, "res/layout/fuzz.xml", FuzzContract.LIMITS.maxStringPool(), fields, 8);
        } catch (AxmlException expected) {
            assertThat(expected.code()).isNotNull();
        }
        assertThat(fields).hasSizeLessThanOrEqualTo(8)
                .allSatisfy(f -> assertThat(f.id()).matches("0x[0-9a-f]{8}"));
        XmlElement root;
        try {
            root = XmlTreeReader.read(input, FuzzContract.LIMITS.maxStringPool());
        } catch (AxmlException expected) {
            assertThat(expected.code()).isNotNull();
            return;
        }
        assertThat(root).isNotNull();
        Issues issues = new Issues();
        ManifestFacts m = new ManifestParser(issues, id -> id == 0x7f010000 ? "label" : null).parse(root);
        assertThat(m).isNotNull();
        assertThat(m.permissions()).isNotNull();
        assertThat(m.application()).isNotNull();
        assertThat(NetworkSecurityConfigReader.read(root)).isNotNull();
    }
}
