package com.admissiongate.console;

import com.admissiongate.policy.SampleSuiteRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample cases of a rule as the rule-pack page lists them: name and expected outcome (and action).
 *
 * <p>An uploaded pack carries its samples in its archive ({@code samples/<RULE-ID>/expected.yaml}). The bundled pack's
 * samples live in {@code src/test/resources/policies} with their Facts patches (2 MB, test-only); the service ships
 * only their expectations, {@value #BUNDLED_INDEX} (a few KB), which {@code PackSamplesTests} keeps identical to the
 * sample directories.
 */
public final class PackSamples {

    public static final String BUNDLED_INDEX = "policies/cn-app-pi.samples.yaml";
    static final String HEADER = "# Sample cases of the bundled pack (case: expected outcome, action), one entry per rule.\n"
            + "# Generated from src/test/resources/policies/<RULE-ID>/expected.yaml; PackSamplesTests fails when they differ\n"
            + "# and writes the regenerated file to target/cn-app-pi.samples.yaml.\n";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile Map<String, List<Sample>> bundled;

    private PackSamples() {
    }

    public record Sample(String name, String outcome, String action) {
    }

    /** Samples of the bundled pack by rule id (empty when the index is missing). */
    public static Map<String, List<Sample>> bundled() {
        Map<String, List<Sample>> b = bundled;
        if (b == null) {
            b = new LinkedHashMap<>();
            try (InputStream in = PackSamples.class.getClassLoader().getResourceAsStream(BUNDLED_INDEX)) {
                if (in != null) {
                    JsonNode root = YAML.readTree(in);
                    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
                    while (it.hasNext()) {
                        var e = it.next();
                        b.put(e.getKey(), cases(e.getValue()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a broken index hides the samples column; it never breaks the page
                b = Map.of();
            }
            bundled = b;
        }
        return b;
    }

    /** The cases of one {@code expected.yaml} ({@code cases: {<name>: {outcome, action?, evidence?}}}). */
    public static List<Sample> ofExpected(byte[] expectedYaml) {
        if (expectedYaml == null) {
            return List.of();
        }
        try {
            return cases(YAML.readTree(expectedYaml).path("cases"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<Sample> cases(JsonNode cases) {
        List<Sample> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = cases.fields();
        while (it.hasNext()) {
            var c = it.next();
            JsonNode v = c.getValue();
            out.add(new Sample(c.getKey(), v.path("outcome").asText(""), v.hasNonNull("action") ? v.get("action").asText() : null));
        }
        return out;
    }

    /** The index file for these cases (SampleSuiteRunner order: rule directories, then cases as written). */
    public static String render(List<SampleSuiteRunner.SampleCase> cases) {
        StringBuilder b = new StringBuilder(HEADER);
        String rule = null;
        for (SampleSuiteRunner.SampleCase c : cases) {
            if (!c.ruleId().equals(rule)) {
                rule = c.ruleId();
                b.append(rule).append(":\n");
            }
            b.append("  ").append(c.caseName()).append(": {outcome: ").append(c.outcome().name());
            if (c.action() != null) {
                b.append(", action: ").append(c.action().name());
            }
            b.append("}\n");
        }
        return b.toString();
    }
}
