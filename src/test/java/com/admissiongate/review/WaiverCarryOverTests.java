package com.admissiongate.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class WaiverCarryOverTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArrayNode findings(String json) throws Exception {
        return (ArrayNode) JSON.readTree(json);
    }

    @Test
    void shouldKeepAWaivedFindingWaivedAndDecideFromTheRest() throws Exception {
        JsonNode stored = findings("""
                [{"ruleId":"SDK-01","outcome":"RECTIFY","rectifyDays":15,
                  "waived":{"by":"rev","reason":"vendor confirmed","at":"2026-11-01T00:00:00Z"}},
                 {"ruleId":"BUILD-01","outcome":"WARN"}]""");
        // re-evaluated under a new pack: SDK-01 fires again, and a new WARN appears
        ArrayNode fresh = findings("""
                [{"ruleId":"SDK-01","outcome":"RECTIFY","rectifyDays":15},
                 {"ruleId":"BUILD-01","outcome":"WARN"},{"ruleId":"NEW-01","outcome":"WARN"}]""");

        WaiverCarryOver.Result r = WaiverCarryOver.apply(stored, fresh, "RECTIFY");

        assertThat(r.carried()).isEqualTo(1);
        assertThat(r.decision()).isEqualTo("ACCEPT");
        assertThat(r.minRectifyDays()).isNull();
        assertThat(r.findings().get(0).path("waived").path("reason").asText()).isEqualTo("vendor confirmed");
        assertThat(r.findings().get(2).has("waived")).isFalse();
    }

    @Test
    void shouldStillRejectOrRectifyOnFindingsNobodyWaived() throws Exception {
        JsonNode stored = findings("""
                [{"ruleId":"SDK-01","outcome":"RECTIFY","waived":{"by":"rev","reason":"ok","at":"x"}}]""");
        ArrayNode fresh = findings("""
                [{"ruleId":"SDK-01","outcome":"RECTIFY"},{"ruleId":"PERM-01","outcome":"RECTIFY","rectifyDays":7},
                 {"ruleId":"MIIT337-2","outcome":"RECTIFY","rectifyDays":10}]""");
        WaiverCarryOver.Result rectify = WaiverCarryOver.apply(stored, fresh, "RECTIFY");
        assertThat(rectify.decision()).isEqualTo("RECTIFY");
        assertThat(rectify.minRectifyDays()).isEqualTo(7);

        ArrayNode withReject = findings("""
                [{"ruleId":"SDK-01","outcome":"RECTIFY"},{"ruleId":"SIGN-02","outcome":"REJECT"}]""");
        WaiverCarryOver.Result reject = WaiverCarryOver.apply(stored, withReject, "REJECT");
        assertThat(reject.decision()).isEqualTo("REJECT");
        assertThat(reject.minRectifyDays()).isNull();
    }

    @Test
    void shouldLeaveTheEvaluatorsDecisionAloneWhenNothingWasWaived() throws Exception {
        JsonNode stored = findings("""
                [{"ruleId":"SDK-01","outcome":"RECTIFY"}]""");
        ArrayNode fresh = findings("""
                [{"ruleId":"SDK-01","outcome":"RECTIFY"}]""");
        WaiverCarryOver.Result r = WaiverCarryOver.apply(stored, fresh, "RECTIFY");
        assertThat(r.carried()).isZero();
        assertThat(r.decision()).isEqualTo("RECTIFY");
        assertThat(r.findings().get(0).has("waived")).isFalse();
        assertThat(WaiverCarryOver.apply(null, fresh, "RECTIFY").decision()).isEqualTo("RECTIFY");
    }
}
