package com.admissiongate.review;

import com.admissiongate.verdict.Verdict;
import com.admissiongate.verdict.VerdictRevisions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * RECTIFY decisions whose deadline passed and whose package has no newer ACCEPTed version become REJECT (reason
 * RECTIFY_EXPIRED, instruction DELIST), exactly once: every expiry re-checks the state under the verdict's row lock
 * in the transaction that writes the revision and the outbox row, so two replicas, an overlapping run or a re-run
 * after a crash find the verdict already REJECTed and publish nothing. A deadline extended by an operator
 * (OverrideService.setDeadline) is simply not past yet.
 */
@ApplicationScoped
public class DeadlineJob {

    private static final Logger LOG = Logger.getLogger(DeadlineJob.class);
    static final String RULE_ID = "GATE-RECTIFY-EXPIRED";
    private static final int PAGE = 200;

    private final VerdictRevisions revisions;
    private final ReReviewMetrics metrics;
    private final ObjectMapper mapper;
    private final Pool pool;
    private final Clock clock;

    public DeadlineJob(VerdictRevisions revisions, ReReviewMetrics metrics, ObjectMapper mapper, Pool pool, Clock clock) {
        this.revisions = revisions;
        this.metrics = metrics;
        this.mapper = mapper;
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(cron = "${gate.rereview.deadline-cron:0 30 * * * ?}", identity = "rectify-deadlines",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce(clock.instant()).replaceWithVoid();
    }

    /** Expires every overdue RECTIFY as of {@code now}; emits how many REJECTs this call published. */
    public Uni<Integer> runOnce(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return page(today, now, 0L, 0);
    }

    private Uni<Integer> page(LocalDate today, Instant now, long afterId, int expired) {
        return pool.preparedQuery("select v.id, v.upload_id, v.package_name, v.version_code from verdict v "
                        + "where v.decision = 'RECTIFY' and v.rectify_by < $1 and v.id > $2 "
                        + "and not exists (select 1 from verdict n where n.package_name = v.package_name "
                        + "and n.version_code > v.version_code and n.decision = 'ACCEPT') order by v.id limit $3")
                .execute(Tuple.of(today, afterId, PAGE))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(expired);
                    }
                    long last = list.get(list.size() - 1).getLong("id");
                    return Multi.createFrom().iterable(list)
                            .onItem().transformToUniAndConcatenate(r -> expire(r.getString("upload_id"),
                                    r.getString("package_name"), r.getLong("version_code"), today, now)
                                    .onFailure().recoverWithItem(e -> {
                                        LOG.warnf("expiry of %s failed, next run retries: %s", r.getString("upload_id"), e.toString());
                                        return false;
                                    }))
                            .filter(Boolean::booleanValue).collect().asList()
                            .chain(done -> list.size() < PAGE ? Uni.createFrom().item(expired + done.size())
                                    : page(today, now, last, expired + done.size()));
                });
    }

    /** One transaction: the newer-ACCEPT check, then the row-locked state check and the REJECT revision. */
    Uni<Boolean> expire(String uploadId, String pkg, long versionCode, LocalDate today, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select count(*) from verdict where package_name = :p and version_code > :vc and decision = 'ACCEPT'",
                                Long.class).setParameter("p", pkg).setParameter("vc", versionCode).getSingleResult())
                        .chain(newer -> newer > 0 ? Uni.createFrom().<VerdictRevisions.Revised>nullItem()
                                : revisions.reviseInTransaction(uploadId, v -> overdue(v, today) ? reject(v, now) : null, null)))
                .map(r -> {
                    boolean changed = r != null && r.changed();
                    if (changed) {
                        metrics.expired();
                        LOG.infof("RECTIFY of %s (%s) expired on %s: REJECT, delist", uploadId, pkg, r.before().rectifyBy());
                    }
                    return changed;
                });
    }

    static boolean overdue(Verdict v, LocalDate today) {
        return "RECTIFY".equals(v.decision) && v.rectifyBy != null && v.rectifyBy.isBefore(today);
    }

    private VerdictRevisions.Change reject(Verdict v, Instant now) {
        try {
            ArrayNode findings = (ArrayNode) mapper.readTree(v.findings);
            ObjectNode f = findings.addObject();
            f.put("ruleId", RULE_ID).put("outcome", "REJECT").put("severity", "high");
            f.putObject("title").put("zh", "整改期限已过").put("en", "Rectification deadline passed");
            f.putObject("message").put("zh", "整改期限 " + v.rectifyBy + " 已过，且未提交通过审核的新版本，应用下架。")
                    .put("en", "The rectification deadline " + v.rectifyBy
                            + " passed without an accepted newer version; the app is delisted.");
            f.putArray("evidence").add("rectifyBy=" + v.rectifyBy);
            f.putObject("fix").put("zh", "修复整改项后提交新版本。").put("en", "Fix the findings and submit a new version.");
            return new VerdictRevisions.Change("REJECT", null, "RECTIFY_EXPIRED", v.rulePackVersion,
                    mapper.writeValueAsString(findings), null, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings of " + v.uploadId + " are not JSON", e);
        }
    }
}
