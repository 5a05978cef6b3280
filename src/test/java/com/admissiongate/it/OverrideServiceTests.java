package com.admissiongate.it;

import com.admissiongate.review.AuditEntry;
import com.admissiongate.review.OverrideRefused;
import com.admissiongate.review.OverrideService;
import com.admissiongate.verdict.VerdictRevisions.Revised;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Overrides against real uploads: the clean fixture without submission metadata is REJECTed by META-01 and META-02,
 * which gives two REJECT findings to waive one by one.
 */
@QuarkusTest
@io.quarkus.test.common.WithTestResource(JwtTestKeys.class)
class OverrideServiceTests extends StackTest {

    @Inject
    OverrideService overrides;

    String rejectedUpload(String pkg) throws Exception {
        byte[] apk = PipelineTests.cleanSignedApk(pkg);
        String id = "ovr-" + UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        stack.put(key, apk);
        stack.publish("store.uploads", pkg, stack.uploadEvent(id, pkg, key, apk).toString());
        JsonNode ce = stack.awaitDecision(id, Duration.ofSeconds(45));
        assertThat(ce.at("/data/decision").asText()).isEqualTo("REJECT");
        findings = ce.at("/data/findings").findValuesAsText("ruleId");
        assertThat(findings).contains("META-01-MISSING-FIELDS", "META-02-NO-FILING");
        return id;
    }

    /** Rule ids of the last {@link #rejectedUpload}'s decision, in published order. */
    List<String> findings;

    static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> uni) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(uni);
    }

    @Test
    void waivingFindingsRecomputesTheDecisionFromTheFindingsThatRemain() throws Throwable {
        String id = rejectedUpload("com.example.waive");

        // waive every finding in turn: the decision stays non-ACCEPT while any REJECT/RECTIFY finding is open
        Revised last = null;
        for (int i = 0; i < findings.size(); i++) {
            String rule = findings.get(i);
            last = await(() -> overrides.waiveFinding(id, rule, "checked by hand: " + rule, "rev-1"));
            if (i < findings.size() - 1 && findings.subList(i + 1, findings.size()).contains("META-01-MISSING-FIELDS")) {
                assertThat(last.verdict().decision).as("after waiving " + rule).isEqualTo("REJECT");
            }
        }
        Revised done = last;

        assertThat(done.verdict().decision).isEqualTo("ACCEPT");
        assertThat(done.verdict().revision).isEqualTo(findings.size() + 1);
        assertThat(done.verdict().overriddenBy).isEqualTo("rev-1");
        JsonNode stored = StackClient.JSON.readTree(done.verdict().findings);
        assertThat(stored).hasSize(findings.size()).allSatisfy(f -> assertThat(f.at("/waived/by").asText()).isEqualTo("rev-1"));
        List<AuditEntry> audit = await(() -> Panache.withSession(() ->
                AuditEntry.<AuditEntry>find("target = ?1 order by id", "upload:" + id).list()));
        assertThat(audit).extracting(e -> e.action).containsOnly("OVERRIDE_FINDING").hasSize(findings.size());
        assertThat(audit).extracting(e -> e.reason)
                .containsExactlyElementsOf(findings.stream().map(r -> "checked by hand: " + r).toList());
    }

    @Test
    void refusesWhatTheVerdictDoesNotAllow() throws Throwable {
        String id = rejectedUpload("com.example.refuse");
        LocalDate later = LocalDate.now().plusDays(10);

        assertThatThrownBy(() -> await(() -> overrides.waiveFinding(id, "NO-SUCH-RULE", "why not", "rev-2")))
                .isInstanceOfSatisfying(OverrideRefused.class, e -> assertThat(e.code()).isEqualTo("FINDING_NOT_FOUND"));
        assertThatThrownBy(() -> await(() -> overrides.setDeadline(id, later, "more time", "rev-2")))
                .isInstanceOfSatisfying(OverrideRefused.class, e -> assertThat(e.code()).isEqualTo("NOT_RECTIFY"));
        assertThatThrownBy(() -> await(() -> overrides.overrideDecision(id, "ACCEPT", null, " ", "rev-2")))
                .isInstanceOfSatisfying(OverrideRefused.class, e -> assertThat(e.code()).isEqualTo("REASON_REQUIRED"));
        assertThatThrownBy(() -> await(() -> overrides.overrideDecision(id, "MAYBE", null, "x", "rev-2")))
                .isInstanceOfSatisfying(OverrideRefused.class, e -> assertThat(e.code()).isEqualTo("INVALID_DECISION"));
        List<AuditEntry> audit = await(() -> Panache.withSession(() ->
                AuditEntry.<AuditEntry>find("target", "upload:" + id).list()));
        assertThat(audit).as("refused changes leave no audit entry").isEmpty();
    }

    @Test
    void rectifyOverrideGetsADeadlineThatCanBeExtended() throws Throwable {
        String id = rejectedUpload("com.example.deadline");
        LocalDate first = LocalDate.now().plusDays(7);
        LocalDate extended = LocalDate.now().plusDays(21);

        await(() -> overrides.overrideDecision(id, "RECTIFY", first, "fixable: metadata only", "rev-3"));
        Revised r = await(() -> overrides.setDeadline(id, extended, "developer asked for two more weeks", "rev-3"));

        assertThat(r.verdict().decision).isEqualTo("RECTIFY");
        assertThat(r.verdict().rectifyBy).isEqualTo(extended);
        assertThat(r.before().rectifyBy()).isEqualTo(first);
        JsonNode last = stack.read("store.decisions", rec -> rec.value().contains(id) && rec.value().contains("\"revision\":3"),
                1, Duration.ofSeconds(20)).stream().findFirst().map(rec -> {
                    try {
                        return StackClient.JSON.readTree(rec.value());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).orElseThrow();
        assertThat(last.at("/data/rectifyBy").asText()).isEqualTo(extended.toString());
        assertThat(last.at("/data/overriddenBy").asText()).isEqualTo("rev-3");
    }
}
