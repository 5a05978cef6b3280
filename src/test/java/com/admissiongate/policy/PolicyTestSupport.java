package com.admissiongate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Loads the shipped pack once and builds inputs from the sample base documents plus inline patches. */
final class PolicyTestSupport {

    static final Path SAMPLES = Path.of("src/test/resources/policies");
    static final Path PACK_DIR = Path.of("src/main/resources/policies/cn-app-pi");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RulePack pack;

    private PolicyTestSupport() {
    }

    static synchronized RulePack pack() {
        if (pack == null) {
            try {
                pack = new RulePackLoader().loadFromClasspath("policies/cn-app-pi");
            } catch (RulePackLoadException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return pack;
    }

    static JsonNode base(String doc) {
        try {
            return JSON.readTree(SAMPLES.resolve("_base").resolve(doc + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base documents with the given patches (JSON text or null for none), in facts/submission/history/catalog order. */
    static PolicyInput input(String factsPatch, String submissionPatch, String historyPatch, String catalogPatch) {
        return PolicyInput.of(map(patched("facts", factsPatch)), map(patched("submission", submissionPatch)),
                map(patched("history", historyPatch)), map(patched("catalog", catalogPatch)));
    }

    static JsonNode patched(String doc, String patch) {
        return patch == null ? base(doc) : SamplePatch.apply(base(doc), json(patch));
    }

    @SuppressWarnings("unchecked")
    static Map<String, ?> map(JsonNode node) {
        return (Map<String, ?>) CelValues.fromJson(node);
    }
}
