package com.admissiongate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Decision-level behaviour of the shipped pack: combination logic, fail-closed handling, overrides. */
class PolicyEvaluatorTests {

    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private Evaluation evaluate(String factsPatch, String submissionPatch) {
        return evaluator.evaluate(PolicyTestSupport.pack(), PolicyTestSupport.input(factsPatch, submissionPatch, null, null),
                NOW);
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    private static Map<String, RuleOutcome> outcomes(Evaluation e) {
        return e.allResults().stream().collect(Collectors.toMap(RuleResult::ruleId, RuleResult::outcome));
    }

    @Test
    void baseSubmissionIsAcceptedWithEveryRuleRecorded() {
        Evaluation e = evaluate(null, null);

        assertThat(e.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(e.findings()).isEmpty();
        assertThat(e.rectifyBy()).isNull();
        assertThat(e.packVersion()).isEqualTo(PolicyTestSupport.pack().version());
        assertThat(e.allResults()).hasSize(PolicyTestSupport.pack().rules().size());
        assertThat(e.allResults()).extracting(RuleResult::outcome)
                .containsOnly(RuleOutcome.PASS, RuleOutcome.NOT_APPLICABLE);
    }

    @Test
    void warnOnlyIsAcceptedWithWarningsListed() {
        Evaluation e = evaluate("{\"sdks\":[{\"id\":\"firebase\",\"name\":\"Firebase\",\"category\":\"analytics\","
                + "\"country\":\"US\",\"present\":true,\"initialised\":false,\"matchedBy\":[],\"classes\":3,"
                + "\"initEvidence\":[],\"consentGateCalled\":false}],\"privacyPolicy\":null}",
                "{\"declaredSdks\":[\"Firebase\"]}");

        assertThat(e.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(ids(e.warnings())).containsExactly("PIPL-39-CROSS-BORDER");
        assertThat(e.findings().get(0).evidence()).containsExactly("firebase (US)", "no readable privacy policy");
        assertThat(e.rectifyBy()).isNull();
    }

    @Test
    void rectifyDecisionUsesEarliestDeadline() {
        Evaluation e = evaluate("{\"manifest\":{\"application\":{\"usesCleartextTraffic\":true}},"
                + "\"sdks\":[{\"id\":\"umeng\",\"name\":\"Umeng\",\"category\":\"analytics\",\"country\":\"CN\","
                + "\"present\":true,\"initialised\":false,\"matchedBy\":[],\"classes\":3,\"initEvidence\":[],"
                + "\"consentGateCalled\":false}]}", null);

        assertThat(e.decision()).isEqualTo(Decision.RECTIFY);
        assertThat(ids(e.findings())).containsExactly("SEC-01-CLEARTEXT", "SDK-01-UNDECLARED");
        assertThat(e.findings()).extracting(Finding::rectifyDays).containsExactly(30, 15);
        assertThat(e.rectifyBy()).isEqualTo(NOW.plus(Duration.ofDays(15)));
    }

    @Test
    void anyRejectWinsOverRectify() {
        Evaluation e = evaluate("{\"manifest\":{\"targetSdk\":29,\"application\":{\"usesCleartextTraffic\":true}}}",
                null);

        assertThat(e.decision()).isEqualTo(Decision.REJECT);
        assertThat(ids(e.findings())).containsExactly("BUILD-01-TARGETSDK", "SEC-01-CLEARTEXT");
        assertThat(e.rectifyBy()).isNull();
    }

    @Test
    void findingCarriesRenderedBilingualMessageBasisAndFix() {
        Evaluation e = evaluate("{\"manifest\":{\"permissions\":[{\"name\":\"android.permission.READ_SMS\","
                + "\"maxSdk\":null,\"sdk23\":false}]}}", null);

        Finding f = e.findings().stream().filter(x -> x.ruleId().equals("MIIT337-2-OVERSCOPE")).findFirst()
                .orElseThrow();
        assertThat(e.decision()).isEqualTo(Decision.REJECT);
        assertThat(f.outcome()).isEqualTo(Action.REJECT);
        assertThat(f.result()).isEqualTo(RuleOutcome.FAIL);
        assertThat(f.message().en()).isEqualTo(
                "Dangerous permissions beyond the necessary PI of type 实用工具类: android.permission.READ_SMS (sms)");
        assertThat(f.message().zh()).isEqualTo(
                "申请的危险权限超出「实用工具类」的必要个人信息范围：android.permission.READ_SMS (sms)");
        assertThat(f.basis()).extracting(Basis::clause).containsExactly("problem 2", "4.1", "Art. 5");
        assertThat(f.fix().en()).startsWith("Remove permissions the basic function does not need");
        assertThat(f.retryable()).isFalse();
    }

    @Test
    void ruleEvaluationErrorFailsClosedWithRetryableGateIncomplete() {
        Evaluation e = evaluate("{\"signing\":{\"signers\":\"$delete\"}}", null);

        assertThat(e.decision()).isEqualTo(Decision.REJECT);
        Finding gate = e.findings().get(0);
        assertThat(gate.ruleId()).isEqualTo(Finding.GATE_INCOMPLETE);
        assertThat(gate.retryable()).isTrue();
        assertThat(gate.result()).isEqualTo(RuleOutcome.ERROR);
        assertThat(gate.message().en()).isEqualTo("rules without a result: META-02-NO-FILING, SIGN-01-INVALID, "
                + "SIGN-03-DEBUG. Rejected to fail closed; retry may help.");
        assertThat(gate.evidence()).anySatisfy(ev -> assertThat(ev.toString())
                .startsWith("SIGN-01-INVALID: violation: ").contains("key 'signers' is not present in map"));
        assertThat(outcomes(e)).containsEntry("SIGN-01-INVALID", RuleOutcome.ERROR)
                .containsEntry("BUILD-01-TARGETSDK", RuleOutcome.PASS);
    }

    @Test
    void incompleteDexFailsClosedOnlyForRulesThatNeedDex() {
        Evaluation e = evaluate("{\"complete\":false,\"incomplete\":[{\"area\":\"dex\","
                + "\"reason\":\"classes2.dex: DEX_BAD_HEADER magic 0x00000000\"}]}", null);

        assertThat(e.decision()).isEqualTo(Decision.REJECT);
        Finding gate = e.findings().get(0);
        assertThat(gate.ruleId()).isEqualTo(Finding.GATE_INCOMPLETE);
        assertThat(gate.evidence()).containsExactly("incomplete dex: classes2.dex: DEX_BAD_HEADER magic 0x00000000");
        assertThat(e.allResults()).filteredOn(r -> r.outcome() == RuleOutcome.ERROR).extracting(RuleResult::ruleId)
                .containsExactly("SEC-01-CLEARTEXT", "SEC-03-DYNAMIC-CODE", "SEC-04-PACKED",
                        "MIIT337-3-UNDISCLOSED-SHARING", "MIIT337-7-EXCESSIVE-PERMISSION",
                        "RD191-3.9-BEHAVIOUR-VS-POLICY", "PIPL-29-SENSITIVE-NO-SEPARATE-CONSENT", "BG-03-MIC-CAMERA-ABUSE",
                        "SDK-04-DEVICE-IDS", "SDK-05-APP-LIST", "SDK-06-CLIPBOARD", "MIIT337-1-COLLECT-BEFORE-CONSENT",
                        "SDK-02-EAGER-INIT", "MIIT337-5-NO-PERM-NO-USE", "MIIT337-6-NAGGING",
                        "RD191-4.6-BULK-PERMISSIONS", "SEC-02-TLS-BYPASS", "BG-02-ASSOCIATED-START",
                        "BG-04-PERIODIC-COLLECTION");
        RuleResult sdk04 = e.allResults().stream().filter(r -> r.ruleId().equals("SDK-04-DEVICE-IDS")).findFirst()
                .orElseThrow();
        assertThat(sdk04.incompleteAreas()).containsExactly("dex");
        // appliesWhen is decided first: a kids-only rule does not fail closed for an adults' app
        assertThat(outcomes(e)).containsEntry("MINOR-04-SENSITIVE-IN-KIDS-APP", RuleOutcome.NOT_APPLICABLE)
                .containsEntry("BUILD-01-TARGETSDK", RuleOutcome.PASS);
    }

    @Test
    void incompleteAreaNoRuleNeedsDoesNotBlock() {
        Evaluation e = evaluate("{\"complete\":false,\"incomplete\":[{\"area\":\"nested\","
                + "\"reason\":\"assets/plugin.apk: depth 3 > 2\"}]}", null);

        assertThat(e.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(e.findings()).isEmpty();
    }

    @Test
    void incompleteWithoutNamedAreaTreatsEveryAreaAsIncomplete() {
        Evaluation e = evaluate("{\"complete\":false}", null);

        assertThat(e.decision()).isEqualTo(Decision.REJECT);
        assertThat(e.findings().get(0).evidence()).startsWith(
                "incomplete *: facts.complete=false without incomplete[] areas");
        // a rule that needs no facts area still runs
        assertThat(outcomes(e)).containsEntry("MINOR-01-NO-AUDIENCE", RuleOutcome.PASS);
    }

    @Test
    void emptyInputsNeverThrowAndFailClosed() {
        Evaluation e = evaluator.evaluate(PolicyTestSupport.pack(), Map.of(), null, null, null, NOW);

        assertThat(e.decision()).isEqualTo(Decision.REJECT);
        assertThat(e.findings().get(0).ruleId()).isEqualTo(Finding.GATE_INCOMPLETE);
        assertThat(e.findings().get(0).evidence().get(0)).isEqualTo("incomplete *: facts.complete missing");
    }

    @Test
    void operatorOverrideChangesOutcomeForMatchingAppTypeOnly() {
        PolicyEvaluator overridden = new PolicyEvaluator(new OutcomeOverrides(List.of(new OutcomeOverride(
                "SDK-01-UNDECLARED", List.of("实用工具类"), null, OutcomeOverride.Kind.WARN, null, "pilot"))));
        String umeng = "{\"sdks\":[{\"id\":\"umeng\",\"name\":\"Umeng\",\"category\":\"analytics\",\"country\":\"CN\","
                + "\"present\":true,\"initialised\":false,\"matchedBy\":[],\"classes\":3,\"initEvidence\":[],"
                + "\"consentGateCalled\":false}]}";

        Evaluation tool = overridden.evaluate(PolicyTestSupport.pack(),
                PolicyTestSupport.input(umeng, null, null, null), NOW);
        Evaluation education = overridden.evaluate(PolicyTestSupport.pack(),
                PolicyTestSupport.input(umeng, "{\"appType\":\"学习教育类\"}", null, null), NOW);

        assertThat(tool.decision()).isEqualTo(Decision.ACCEPT);
        assertThat(tool.findings()).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Action.WARN);
            assertThat(f.note()).isEqualTo("overrides[0]: RECTIFY -> WARN (pilot)");
        });
        assertThat(education.decision()).isEqualTo(Decision.RECTIFY);
        assertThat(education.findings()).singleElement().extracting(Finding::note).isNull();
    }

    @Test
    void skipOverrideAndMinorsSelectorFromExampleFile() throws Exception {
        OutcomeOverrides overrides = OutcomeOverrides.load(
                java.nio.file.Path.of("src/main/resources/policies/overrides.example.yaml"));
        PolicyEvaluator overridden = new PolicyEvaluator(overrides);
        String overlay = "{\"manifest\":{\"permissions\":[{\"name\":\"android.permission.SYSTEM_ALERT_WINDOW\","
                + "\"maxSdk\":null,\"sdk23\":false}]}}";
        String phoneState = "{\"manifest\":{\"permissions\":[{\"name\":\"android.permission.READ_PHONE_STATE\","
                + "\"maxSdk\":null,\"sdk23\":false}]}}";

        RuleResult inputMethod = overridden.evaluateRule(PolicyTestSupport.pack().rule("UX-04-OVERLAY").orElseThrow(),
                PolicyTestSupport.input(overlay, "{\"appType\":\"输入法类\"}", null, null));
        RuleResult kids = overridden.evaluateRule(
                PolicyTestSupport.pack().rule("MIIT337-7-EXCESSIVE-PERMISSION").orElseThrow(),
                PolicyTestSupport.input(phoneState, "{\"audience\":{\"minorsTargeted\":true,\"minAge\":12}}", null,
                        null));

        assertThat(overrides.check(PolicyTestSupport.pack())).isEmpty();
        assertThat(inputMethod.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
        assertThat(inputMethod.note()).startsWith("overrides[0]: SKIP (");
        assertThat(kids.action()).isEqualTo(Action.REJECT);
        assertThat(kids.note()).startsWith("overrides[1]: RECTIFY -> REJECT (");
    }

    @Test
    void malformedOverridesNameTheEntry() {
        byte[] yaml = "overrides:\n  - ruleId: SEC-05-STORAGE\n    outcome: WARN\n".getBytes();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OutcomeOverrides.parse(yaml, "ops.yaml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ops.yaml: overrides[0]: reason is required (audit)");
        assertThat(new OutcomeOverrides(List.of(new OutcomeOverride("NOPE-01-X", List.of(), null,
                OutcomeOverride.Kind.WARN, null, "typo"))).check(PolicyTestSupport.pack()))
                .containsExactly("overrides[0]: rule NOPE-01-X is not in " + PolicyTestSupport.pack().version());
    }
}
