package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportWriterTests {

    final JsonReportWriter writer = new JsonReportWriter();

    @Test
    void shouldWriteIdentityDecisionPacksCountsAndFindings() throws Exception {
        StringWriter out = new StringWriter();
        writer.write(new ReportInput(SarifReportWriterTests.rectify(), "notes.apk", null), out);
        JsonNode j = ReportFixtures.MAPPER.readTree(out.toString());

        assertThat(j.at("/app/artifact").asText()).isEqualTo("notes.apk");
        assertThat(j.at("/app/name").asText()).isEqualTo("Notes");
        assertThat(j.at("/app/package").asText()).isEqualTo("com.example.notes");
        assertThat(j.at("/app/versionCode").asLong()).isEqualTo(42);
        assertThat(j.at("/app/versionName").asText()).isEqualTo("2.1.0");
        assertThat(j.at("/app/sha256").asText()).isEqualTo(ReportFixtures.SHA);
        assertThat(j.at("/app/signerSha256").asText()).isEqualTo(ReportFixtures.SIGNER);
        assertThat(j.get("decision").asText()).isEqualTo("RECTIFY");
        assertThat(j.get("rectifyBy").asText()).isEqualTo("2026-03-01");
        assertThat(j.at("/packs/rulePack").asText()).isEqualTo("cn-app-pi@1.0.0+sha256:3f2a9c1b");
        assertThat(j.at("/packs/analyzer").asText()).isEqualTo("apk-0.1.0+cat-1234");
        assertThat(j.get("counts").toString()).isEqualTo("{\"REJECT\":0,\"RECTIFY\":2,\"WARN\":1}");
        assertThat(j.get("findings").findValuesAsText("ruleId"))
                .containsExactly("SDK-04-DEVICE-IDS", "MIIT337-7-EXCESSIVE-PERMISSION", "PIPL-39-CROSS-BORDER");
        assertThat(j.at("/findings/1/group").asText()).isEqualTo("miit337-7");
        assertThat(j.at("/findings/1/basis/0/clause").asText()).isEqualTo("problem 7");
        assertThat(j.at("/findings/1/evidence/0").asText()).isEqualTo("android.permission.READ_CONTACTS (contacts)");
        assertThat(j.at("/findings/1/fix/en").asText()).isEqualTo("Remove unused permissions");
        assertThat(j.has("facts")).isFalse();
    }

    @Test
    void shouldWriteNullsWhenNothingWasAnalysed() {
        Assessment none = new Assessment(Assessment.Decision.REJECT, null, true, "p", "a", java.util.List.of(), null,
                null);
        JsonNode j = writer.toJson(new ReportInput(none, null, null));

        assertThat(j.at("/app/artifact").asText()).isEqualTo("app.apk");
        assertThat(j.at("/app/package").isNull()).isTrue();
        assertThat(j.at("/app/versionCode").isNull()).isTrue();
        assertThat(j.get("rectifyBy").isNull()).isTrue();
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.get("retryable").asBoolean()).isTrue();
    }
}
