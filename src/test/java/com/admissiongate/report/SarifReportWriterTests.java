package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.admissiongate.report.ReportFixtures.assessment;
import static org.assertj.core.api.Assertions.assertThat;

class SarifReportWriterTests {

    static RulePack pack;
    final SarifReportWriter writer = new SarifReportWriter("0.1.0");

    @BeforeAll
    static void loadPack() throws Exception {
        pack = new RulePackLoader().loadFromClasspath("policies/cn-app-pi");
    }

    static Assessment rectify() {
        return assessment(Assessment.Decision.RECTIFY, LocalDate.of(2026, 3, 1), "Notes",
                ReportFixtures.deviceIds(), ReportFixtures.excessivePermission(), ReportFixtures.foreignSdk());
    }

    static JsonNode run(ObjectNode log) {
        return log.get("runs").get(0);
    }

    static JsonNode result(ObjectNode log, String ruleId) {
        for (JsonNode r : run(log).get("results")) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }

    @Test
    void shouldValidateAgainstOfficialSarif210Schema() throws Exception {
        Finding incomplete = Finding.gate("GATE-INCOMPLETE", "REJECT", "critical", "分析不完整", "Analysis incomplete",
                List.of("dex: truncated"), "重新提交", "Resubmit");
        ReportInput in = new ReportInput(assessment(Assessment.Decision.REJECT, null, "Notes", incomplete,
                ReportFixtures.noFiling(), ReportFixtures.deviceIds(), ReportFixtures.excessivePermission(),
                ReportFixtures.foreignSdk()), "my notes.apk", pack);

        StringWriter out = new StringWriter();
        writer.write(in, out);
        JsonNode parsed = ReportFixtures.MAPPER.readTree(out.toString());

        assertThat(SarifSchema.problems(parsed)).isEmpty();
        assertThat(parsed.get("version").asText()).isEqualTo("2.1.0");
        assertThat(parsed.get("runs")).hasSize(1);
    }

    @Test
    void shouldFailSchemaCheckOnABrokenLog_soTheValidationIsReal() {
        ObjectNode log = writer.toSarif(new ReportInput(rectify(), "app.apk", pack));
        ((ObjectNode) run(log).get("results").get(0)).put("level", "fatal");

        assertThat(SarifSchema.problems(log)).isNotEmpty();
    }

    @Test
    void shouldDeclareEveryPackRuleOnce_andPointResultsBackByIndex() {
        ObjectNode log = writer.toSarif(new ReportInput(rectify(), "app.apk", pack));
        JsonNode rules = run(log).get("tool").get("driver").get("rules");

        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(pack.rules().size())
                .containsExactlyElementsOf(pack.rules().stream().map(r -> r.id()).toList());
        for (JsonNode r : run(log).get("results")) {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
        }
    }

    @Test
    void shouldDeclareRulesOnlyTheFindingsName_whenTheyAreInNoPack() {
        Finding gate = Finding.gate("GATE-INCOMPLETE", "REJECT", "critical", "分析不完整", "Analysis incomplete",
                List.of(), "重新提交", "Resubmit");
        ObjectNode log = writer.toSarif(new ReportInput(assessment(Assessment.Decision.REJECT, null, "Notes", gate),
                "app.apk", pack));
        JsonNode rules = run(log).get("tool").get("driver").get("rules");

        assertThat(rules).hasSize(pack.rules().size() + 1);
        JsonNode last = rules.get(pack.rules().size());
        assertThat(last.get("id").asText()).isEqualTo("GATE-INCOMPLETE");
        assertThat(result(log, "GATE-INCOMPLETE").get("ruleIndex").asInt()).isEqualTo(pack.rules().size());
    }

    @Test
    void shouldDescribeRuleFromTitleFixSeverityAndBasis() {
        ObjectNode log = writer.toSarif(new ReportInput(rectify(), "app.apk", pack));
        JsonNode rules = run(log).get("tool").get("driver").get("rules");
        JsonNode rule = null;
        for (JsonNode r : rules) {
            if (r.get("id").asText().equals("MIIT337-7-EXCESSIVE-PERMISSION")) {
                rule = r;
            }
        }

        assertThat(rule).isNotNull();
        assertThat(rule.get("name").asText()).isEqualTo("ExcessivePermissionRequestedButNeverUsed");
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("Excessive permission (requested but never used)");
        assertThat(rule.at("/fullDescription/text").asText())
                .isEqualTo("Excessive permission (requested but never used) (过度索取权限（申请但未使用）)");
        assertThat(rule.at("/help/text").asText()).startsWith("Remove unused permissions;").contains("删除未使用的权限");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(rule.at("/properties/severity").asText()).isEqualTo("medium");
        assertThat(rule.at("/properties/basis/0/instrument").asText()).isEqualTo("工信部信管函〔2019〕337号");
        assertThat(rule.at("/properties/basis/0/clause").asText()).isEqualTo("problem 7");
        // GitHub shows security-severity only for rules tagged "security"
        assertThat(rule.at("/properties/tags").toString()).isEqualTo("[\"security\",\"privacy\",\"cn-app-pi\",\"miit337-7\"]");
        assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("5.5");
    }

    @Test
    void shouldMapOutcomeToLevel_rejectErrorRectifyWarningWarnNote() {
        ObjectNode log = writer.toSarif(new ReportInput(assessment(Assessment.Decision.REJECT, null, "Notes",
                ReportFixtures.noFiling(), ReportFixtures.deviceIds(), ReportFixtures.foreignSdk()), "app.apk", pack));

        assertThat(result(log, "META-02-NO-FILING").get("level").asText()).isEqualTo("error");
        assertThat(result(log, "SDK-04-DEVICE-IDS").get("level").asText()).isEqualTo("warning");
        assertThat(result(log, "PIPL-39-CROSS-BORDER").get("level").asText()).isEqualTo("note");
        run(log).get("results").forEach(r -> assertThat(r.get("kind").asText()).isEqualTo("fail"));
    }

    @Test
    void shouldCarryEnglishMessageAndChineseInProperties() {
        JsonNode r = result(writer.toSarif(new ReportInput(rectify(), "app.apk", pack)), "SDK-04-DEVICE-IDS");

        assertThat(r.at("/message/text").asText()).isEqualTo("Code reads unchangeable device identifiers");
        assertThat(r.at("/properties/messageZh").asText()).isEqualTo("代码读取IMEI等不可变设备标识");
        assertThat(r.at("/properties/rectifyDays").asInt()).isEqualTo(15);
    }

    @Test
    void shouldLocateDexEvidenceAtTheCallerAsLogicalFunction() {
        JsonNode r = result(writer.toSarif(new ReportInput(rectify(), "app.apk", pack)), "SDK-04-DEVICE-IDS");
        JsonNode locs = r.get("locations");

        assertThat(locs).hasSize(2);
        JsonNode caller = locs.get(0).get("logicalLocations").get(0);
        assertThat(caller.get("kind").asText()).isEqualTo("function");
        assertThat(caller.get("fullyQualifiedName").asText()).isEqualTo("com.example.notes.Tracker.collect");
        assertThat(caller.get("decoratedName").asText())
                .isEqualTo("Lcom/example/notes/Tracker;->collect(Landroid/content/Context;)V");
        assertThat(locs.get(0).at("/physicalLocation/artifactLocation/index").asInt()).isEqualTo(0);
        // a bare callee count has no caller: the callee itself is the best location there is
        assertThat(locs.get(1).at("/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("android.net.wifi.WifiInfo.getMacAddress");
        assertThat(r.at("/properties/evidence").isMissingNode()).isTrue();
    }

    @Test
    void shouldLocatePermissionEvidenceInTheManifest() {
        JsonNode r = result(writer.toSarif(new ReportInput(rectify(), "app.apk", pack)),
                "MIIT337-7-EXCESSIVE-PERMISSION");

        assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("AndroidManifest.xml");
        assertThat(r.at("/locations/0/physicalLocation/artifactLocation/index").asInt()).isEqualTo(1);
        assertThat(r.at("/locations/0/message/text").asText()).isEqualTo("android.permission.READ_CONTACTS (contacts)");
    }

    @Test
    void shouldKeepOtherEvidenceInProperties_andPointAtTheApk() {
        JsonNode r = result(writer.toSarif(new ReportInput(rectify(), "app.apk", pack)), "PIPL-39-CROSS-BORDER");

        assertThat(r.at("/properties/evidence/0").asText()).isEqualTo("firebase (US)");
        assertThat(r.get("locations")).hasSize(1);
        assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("app.apk");
    }

    @Test
    void shouldCapLocationsAtTen_andKeepTheRestAsEvidence() {
        List<Object> evidence = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            evidence.add("android.permission.P" + i);
        }
        Finding f = new Finding("X-1", "WARN", "low", Map.of("en", "t"), List.of(), Map.of("en", "m"), evidence,
                Map.of(), null);
        JsonNode r = result(writer.toSarif(new ReportInput(assessment(Assessment.Decision.ACCEPT, null, "N", f),
                "app.apk", null)), "X-1");

        assertThat(r.get("locations")).hasSize(10);
        assertThat(r.at("/properties/evidence").toString()).isEqualTo("[\"android.permission.P10\",\"android.permission.P11\"]");
    }

    @Test
    void shouldRelateRulesToRegulationTaxa() {
        ObjectNode log = writer.toSarif(new ReportInput(rectify(), "app.apk", pack));
        JsonNode taxonomy = run(log).get("taxonomies").get(0);
        JsonNode rules = run(log).get("tool").get("driver").get("rules");
        JsonNode rule = rules.get(result(log, "MIIT337-7-EXCESSIVE-PERMISSION").get("ruleIndex").asInt());

        assertThat(taxonomy.get("name").asText()).isEqualTo("cn-app-pi-regulations");
        JsonNode rel = rule.get("relationships").get(0);
        assertThat(rel.at("/target/id").asText()).isEqualTo("工信部信管函〔2019〕337号 problem 7");
        assertThat(rel.at("/target/toolComponent/name").asText()).isEqualTo("cn-app-pi-regulations");
        assertThat(taxonomy.get("taxa").get(rel.at("/target/index").asInt()).get("id").asText())
                .isEqualTo("工信部信管函〔2019〕337号 problem 7");
        List<String> taxonIds = new ArrayList<>();
        taxonomy.get("taxa").forEach(t -> taxonIds.add(t.get("id").asText()));
        assertThat(taxonIds).doesNotHaveDuplicates().contains("GB/T 41391-2022 Annex F", "工信部信管函〔2020〕164号");
    }

    @Test
    void shouldRecordApkHashInvocationAndDecision() {
        ObjectNode log = writer.toSarif(new ReportInput(rectify(), "my notes.apk", pack));
        JsonNode run = run(log);

        assertThat(run.at("/artifacts/0/location/uri").asText()).isEqualTo("my%20notes.apk");
        assertThat(run.at("/artifacts/0/hashes/sha-256").asText()).isEqualTo(ReportFixtures.SHA);
        assertThat(run.at("/artifacts/0/length").asLong()).isEqualTo(123456);
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(run.at("/properties/decision").asText()).isEqualTo("RECTIFY");
        assertThat(run.at("/properties/rectifyBy").asText()).isEqualTo("2026-03-01");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("admission-gate");
        assertThat(run.at("/tool/driver/version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void shouldReportIncompleteAnalysisAsUnsuccessfulExecution() {
        Assessment a = rectify();
        ObjectNode facts = ((ObjectNode) a.facts()).put("complete", false);
        facts.putArray("incomplete").addObject().put("area", "dex").put("reason", "classes2.dex truncated");

        JsonNode inv = run(writer.toSarif(new ReportInput(a, "app.apk", pack))).at("/invocations/0");

        assertThat(inv.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(inv.at("/toolExecutionNotifications/0/message/text").asText())
                .isEqualTo("dex not fully analysed: classes2.dex truncated");
        assertThat(inv.at("/toolExecutionNotifications/0/level").asText()).isEqualTo("warning");
    }
}
