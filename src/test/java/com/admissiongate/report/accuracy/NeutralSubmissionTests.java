package com.admissiongate.report.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class NeutralSubmissionTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void copiesManifestIdentityAndFilesThePrimarySignerCertificate() throws Exception {
        JsonNode facts = JSON.readTree(("{'manifest': {'package': 'com.example', 'versionCode': 4294967297},"
                + "'resources': {'appLabel': 'Example'},"
                + "'signing': {'signers': [{'certSha256': 'old', 'primary': false}, {'certSha256': 'abc', 'primary': true}]}}")
                .replace('\'', '"'));

        ObjectNode s = NeutralSubmission.forFacts(facts, "x.apk", JSON);

        assertThat(s.path("package").asText()).isEqualTo("com.example");
        assertThat(s.path("versionCode").asLong()).isEqualTo(4294967297L);
        assertThat(s.path("appName").asText()).isEqualTo("Example");
        assertThat(s.path("appType").asText()).isEqualTo("实用工具类");
        assertThat(s.path("audience").path("minorsTargeted").asBoolean(true)).isFalse();
        assertThat(s.path("filing").path("certSha256").asText()).isEqualTo("abc");
        assertThat(s.path("filing").path("number").asText()).isEqualTo(NeutralSubmission.FILING_NUMBER);
    }

    @Test
    void withoutManifestOrSignerTheFieldsAreAbsentNotInvented() throws Exception {
        ObjectNode s = NeutralSubmission.forFacts(JSON.readTree("{\"manifest\": null, \"signing\": null}"), "x.apk", JSON);

        assertThat(s.has("package")).isFalse();
        assertThat(s.has("versionCode")).isFalse();
        assertThat(s.path("appName").asText()).isEqualTo("x.apk");
        assertThat(s.path("filing").has("certSha256")).isFalse();
    }
}
