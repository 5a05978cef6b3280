package com.admissiongate.apk;

import com.admissiongate.testkit.ApkFixtureBuilder;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers: build a named fixture into a temp dir and analyze it. */
final class FixtureSupport {

    private FixtureSupport() {
    }

    static ApkReport analyze(Path dir, String fixture, ApkFixtureBuilder b) {
        return new ApkAnalyzer().analyze(b.writeTo(dir, fixture));
    }

    static ApkReport analyze(Path dir, String fixture, ApkFixtureBuilder b, ApkLimits limits) {
        return new ApkAnalyzer(limits, TrackedApis.defaults()).analyze(b.writeTo(dir, fixture));
    }

    static List<String> codes(ApkReport r) {
        return r.issues().stream().map(Issue::code).toList();
    }

    static ApkFixtureBuilder minimal() {
        return ApkFixtureBuilder.apk().manifest(ApkFixtureBuilder.minimalManifest("com.example.app"));
    }
}
