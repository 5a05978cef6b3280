package com.admissiongate.it;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.review.DeadlineJob;
import com.admissiongate.review.OverrideService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RECTIFY deadlines against the real Postgres and Kafka, with the time passed in. Deadlines are in the past (1990s)
 * so no other test's RECTIFY verdict (deadlines from today on) is ever due in these runs; assertions are per upload.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class DeadlineTests extends StackTest {

    @Inject
    DeadlineJob job;

    @Inject
    OverrideService overrides;

    @Inject
    Pool pool;

    @Inject
    Assessor assessor;

    ReReviewFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ReReviewFixtures(pool, assessor);
    }

    static LocalDate pastDeadline() {
        return LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    }

    /** A RECTIFY verdict of {@code pkg} version {@code versionCode} due on {@code rectifyBy}; returns the upload id. */
    String rectify(String pkg, long versionCode, String decision, LocalDate rectifyBy) {
        byte[] sha = new byte[32];
        ThreadLocalRandom.current().nextBytes(sha);
        ObjectNode facts = ReReviewFixtures.JSON.createObjectNode();
        facts.put("sha256", HexFormat.of().formatHex(sha)).put("analyzerVersion", "test-analyzer");
        String id = ReReviewFixtures.uploadId();
        ObjectNode sub = ReReviewFixtures.submission(id, pkg, facts.get("sha256").asText(), 18, "dev-deadline");
        sub.put("versionCode", versionCode);
        String findings = "[{\"ruleId\":\"SEC-01-CLEARTEXT\",\"outcome\":\"RECTIFY\",\"severity\":\"medium\","
                + "\"message\":{\"zh\":\"明文传输\",\"en\":\"cleartext traffic\"},\"rectifyDays\":30}]";
        return fx.verdict(pkg, facts, sub, decision, "ACCEPT".equals(decision) ? "[]" : findings,
                "ACCEPT".equals(decision) ? null : rectifyBy, "cn-app-pi@1.0.0", Instant.parse("1989-12-01T00:00:00Z"));
    }

    int runOnce(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> job.runOnce(now));
    }

    List<String> revisions(String uploadId) {
        return fx.rows("select revision, decision, reason from verdict_revision where upload_id = $1 order by revision",
                uploadId).stream().map(r -> r.getInteger(0) + ":" + r.getString(1) + ":" + r.getString(2)).toList();
    }

    List<JsonNode> decisions(String uploadId, int stopAfter, Duration wait) {
        List<ConsumerRecord<String, String>> recs = stack.read("store.decisions",
                r -> r.value().contains("\"uploadId\":\"" + uploadId + "\""), stopAfter, wait);
        return recs.stream().map(r -> {
            try {
                return StackClient.JSON.readTree(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static Instant morningAfter(LocalDate d) {
        return d.plusDays(1).atTime(1, 0).toInstant(ZoneOffset.UTC);
    }

    @Test
    void anExpiredRectifyBecomesOneRejectWithTheDelistInstruction_evenWithTwoRunnersAndARerun() throws Throwable {
        LocalDate due = pastDeadline();
        String id = rectify(ReReviewFixtures.pkg("expired"), 1, "RECTIFY", due);
        Instant now = morningAfter(due);

        List<CompletableFuture<Integer>> both = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            try {
                return runOnce(now);
            } catch (Throwable e) {
                throw new CompletionException(e);
            }
        })).toList();
        both.forEach(CompletableFuture::join);
        // redelivery / the next scheduled run
        runOnce(now.plusSeconds(3600));

        assertThat(revisions(id)).containsExactly("1:RECTIFY:UPLOAD", "2:REJECT:RECTIFY_EXPIRED");
        List<JsonNode> events = decisions(id, 2, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(PipelineTests.decisionSchema().validate(events.get(0))).isEmpty();
        JsonNode d = events.get(0).get("data");
        assertThat(d.get("decision").asText()).isEqualTo("REJECT");
        assertThat(d.get("reason").asText()).isEqualTo("RECTIFY_EXPIRED");
        assertThat(d.get("instruction").asText()).isEqualTo("DELIST");
        assertThat(d.get("revision").asInt()).isEqualTo(2);
        assertThat(d.at("/changes/previousDecision").asText()).isEqualTo("RECTIFY");
        assertThat(d.at("/changes/added/0").asText()).isEqualTo("GATE-RECTIFY-EXPIRED");
        assertThat(d.at("/changes/added").size()).isEqualTo(1);
        assertThat(d.get("decidedAt").asText()).isEqualTo(now.toString());
    }

    @Test
    void theDeadlineDayItselfIsNotExpired() throws Throwable {
        LocalDate due = pastDeadline();
        String id = rectify(ReReviewFixtures.pkg("dueday"), 1, "RECTIFY", due);

        runOnce(due.atTime(23, 59).toInstant(ZoneOffset.UTC));

        assertThat(revisions(id)).containsExactly("1:RECTIFY:UPLOAD");
    }

    @Test
    void aNewerAcceptedVersionOfThePackageMeansNothingExpires() throws Throwable {
        LocalDate due = pastDeadline();
        String pkg = ReReviewFixtures.pkg("fixed");
        String id = rectify(pkg, 1, "RECTIFY", due);
        rectify(pkg, 2, "ACCEPT", null);

        runOnce(morningAfter(due));

        assertThat(revisions(id)).containsExactly("1:RECTIFY:UPLOAD");
    }

    @Test
    void anOperatorExtendedDeadlineIsNotExpired_andTheExtensionIsAudited() throws Throwable {
        LocalDate due = pastDeadline();
        String id = rectify(ReReviewFixtures.pkg("extended"), 1, "RECTIFY", due);
        LocalDate extended = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        VertxContextSupport.subscribeAndAwait(() -> overrides.setDeadline(id, extended, "developer asked for 30 days", "reviewer-3"));

        runOnce(morningAfter(due));

        assertThat(revisions(id)).containsExactly("1:RECTIFY:UPLOAD", "2:RECTIFY:OVERRIDE");
        assertThat(fx.rows("select rectify_by from verdict where upload_id = $1", id)).singleElement()
                .satisfies(r -> assertThat(r.getLocalDate(0)).isEqualTo(extended));
        assertThat(fx.rows("select actor, action from audit_log where target = $1", "upload:" + id)).singleElement()
                .satisfies(r -> {
                    assertThat(r.getString(0)).isEqualTo("reviewer-3");
                    assertThat(r.getString(1)).isEqualTo("DEADLINE_CHANGE");
                });
        // once the extended deadline has passed, it expires like any other
        runOnce(morningAfter(extended));
        assertThat(revisions(id)).containsExactly("1:RECTIFY:UPLOAD", "2:RECTIFY:OVERRIDE", "3:REJECT:RECTIFY_EXPIRED");
    }
}
