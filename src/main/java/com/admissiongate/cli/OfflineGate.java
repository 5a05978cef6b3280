package com.admissiongate.cli;

import com.admissiongate.analysis.FactsAssembler;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.signing.SigningVerifier;
import com.admissiongate.catalog.CatalogLoader;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the same analysis stack the service uses, for the offline commands (facts, scan, bench). */
final class OfflineGate {

    private OfflineGate() {
    }

    static FactsAssembler factsAssembler(ObjectMapper mapper) {
        SigningVerifier verifier = new SigningVerifier();
        return new FactsAssembler(ApkLimits.defaults(), CatalogLoader.fromClasspath(),
                (apk, minSdk) -> verifier.verify(apk, minSdk, null), mapper);
    }
}
