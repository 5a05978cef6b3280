package com.admissiongate.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.console.PackSamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged service has no sample documents; GET …/rules/{id} names the cases from the shipped index instead. */
class BundledRuleSamplesTests {

    @Test
    void shouldNameEveryCaseOfARuleWithItsExpectedOutcomeFromTheShippedIndex() throws Exception {
        String rule = "MP-1-NOT-INDEPENDENT";
        List<JsonNode> samples = RulePackResource.fromIndex(new ObjectMapper(), PackSamples.bundled().get(rule));

        JsonNode expected = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readAllBytes(Path.of("src/test/resources/policies", rule, "expected.yaml"))).path("cases");
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        assertThat(samples).extracting(s -> s.get("case").asText()).containsExactlyElementsOf(names);
        for (JsonNode s : samples) {
            assertThat(s.get("outcome").asText()).isEqualTo(expected.path(s.get("case").asText()).path("outcome").asText());
            assertThat(s.get("patches").isObject()).isTrue();
        }
    }
}
