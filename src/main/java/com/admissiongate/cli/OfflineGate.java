package com.admissiongate.cli;

import com.admissiongate.analysis.FactsAssembler;
import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.signing.SigningVerifier;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.catalog.Catalogs;
import com.admissiongate.privacy.PolicyProblem;
import com.admissiongate.privacy.PrivacyLimits;
import com.admissiongate.privacy.PrivacyPolicyFacts;
import com.admissiongate.privacy.PrivacyPolicyParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/** Builds the same analysis stack the service uses, for the offline commands (facts, scan, bench). */
final class OfflineGate {

    private OfflineGate() {
    }

    /** A policy file, read and parsed under the service's default limits (the file is not read past the cap). */
    static PrivacyPolicyFacts readPolicy(Path file, Catalogs catalogs, JsonNode submission) throws IOException {
        PrivacyLimits limits = PrivacyLimits.defaults();
        PrivacyPolicyFacts.Source src = new PrivacyPolicyFacts.Source("file", file.getFileName().toString(), null);
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            return PrivacyPolicyFacts.unavailable(src, null, size, PolicyProblem.fatal(PolicyProblem.Code.TOO_LARGE,
                    size + " bytes exceed the limit of " + limits.maxBytes()));
        }
        JsonNode dev = submission == null ? null : submission.get("developer");
        PrivacyPolicyParser.Context ctx = new PrivacyPolicyParser.Context(
                submission != null && submission.path("appName").isTextual() ? submission.get("appName").asText() : null,
                dev != null && dev.path("name").isTextual() ? dev.get("name").asText() : null);
        return new PrivacyPolicyParser(limits, catalogs.sdks()).parse(Files.readAllBytes(file), null,
                file.getFileName().toString(), src, ctx);
    }

    static FactsAssembler factsAssembler(ObjectMapper mapper) {
        SigningVerifier verifier = new SigningVerifier();
        return new FactsAssembler(ApkLimits.defaults(), BehaviourLimits.defaults(),
                com.admissiongate.privacy.BundledPolicies.Limits.defaults(), CatalogLoader.fromClasspath(),
                FactsAssembler.SigningStep.apksig(verifier), mapper, null);
    }

    /**
     * For one-APK commands (scan, facts): signatures are verified on a second thread while this one extracts the
     * code, since a developer's machine has a second core and nothing else for it to do. Benchmarks and the corpus
     * check keep {@link #factsAssembler(ObjectMapper)}, so their per-APK times stay single-threaded.
     */
    static FactsAssembler concurrentFactsAssembler(ObjectMapper mapper) {
        SigningVerifier verifier = new SigningVerifier();
        Executor signingThread = task -> {
            Thread t = new Thread(task, "signing");
            t.setDaemon(true); // never keeps a finished command alive
            t.start();
        };
        return new FactsAssembler(ApkLimits.defaults(), BehaviourLimits.defaults(),
                com.admissiongate.privacy.BundledPolicies.Limits.defaults(), CatalogLoader.fromClasspath(),
                FactsAssembler.SigningStep.apksig(verifier), mapper, signingThread);
    }
}
