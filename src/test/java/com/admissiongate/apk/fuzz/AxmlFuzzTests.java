package com.admissiongate.apk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.ManifestFacts;
import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.arsc.NetworkSecurityConfigReader;
import com.admissiongate.apk.internal.axml.AxmlException;
import com.admissiongate.apk.internal.axml.ManifestParser;
import com.admissiongate.apk.internal.axml.XmlElement;
import com.admissiongate.apk.internal.axml.XmlTreeReader;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Binary XML target: the AXML tree reader, the manifest model built from it, the network
 * security config reader, and the same bytes as AndroidManifest.xml of an otherwise valid APK.
 */
class AxmlFuzzTests {

    @FuzzTest(maxDuration = "30s")
    void parseManifest(byte[] input) throws Exception {
        FuzzContract.withinAllocationBudget(input.length, () -> {
            parseDirectly(input);
            ApkReport r = FuzzContract.analyzeAndCheck(
                    ApkFixtureBuilder.apk().stored("AndroidManifest.xml", input).build());
            assertThat(r.archive().hasManifest()).isTrue();
        });
    }

    private static void parseDirectly(byte[] input) {
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
