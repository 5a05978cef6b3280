package com.admissiongate.review;

import com.admissiongate.analysis.PackActivated;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * When re-reviews run: daily (cron), on a rule-pack change, and on an operator's request. The daily and pack-change
 * runs must happen once per cluster, not once per replica: each holds a Postgres advisory lock for its whole run
 * (session lock on a dedicated connection, since a run spans many transactions; a crashed replica's connection
 * closes and frees it) and, under the lock, skips the work when a run with the same key (day, pack version) is
 * already DONE, so a replica whose scheduler fires a little later does not repeat it.
 */
@ApplicationScoped
public class ReReviewJob {

    private static final Logger LOG = Logger.getLogger(ReReviewJob.class);
    static final String SYSTEM_ACTOR = "system:re-review";

    private final ReReviewer reviewer;
    private final ReReviewRuns runs;
    private final Pool pool;
    private final Clock clock;

    public ReReviewJob(ReReviewer reviewer, ReReviewRuns runs, Pool pool, Clock clock) {
        this.reviewer = reviewer;
        this.runs = runs;
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(cron = "${gate.rereview.cron:0 0 3 * * ?}", identity = "re-review",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce(clock.instant()).replaceWithVoid();
    }

    /**
     * The daily selection (listed apps aimed at minors, or decided under another pack), at most once per UTC day in
     * the whole cluster. Emits the finished run, or null when another replica holds the lock or the day is done.
     */
    public Uni<ReReviewProgress> runOnce(Instant now) {
        String key = "SCHEDULED:" + LocalDate.ofInstant(now, ZoneOffset.UTC);
        return exclusive(lockId("re-review:scheduled"), key, now,
                () -> reviewer.run("SCHEDULED", ReReviewScope.dailySelection(), SYSTEM_ACTOR, key, now));
    }

    /** Re-review of the listed apps decided under the previous pack, once per activated version. */
    public Uni<ReReviewProgress> packChanged(PackActivated e, Instant now) {
        if (e.previousVersion() == null || e.previousVersion().equals(e.version())) {
            return Uni.createFrom().nullItem();
        }
        // every replica sees the activation: one run per (previous -> new) per day; a later rollback and
        // re-activation is a new key
        String key = dedupKey("PACK_CHANGE:" + e.previousVersion() + "->" + e.version() + "@"
                + LocalDate.ofInstant(now, ZoneOffset.UTC));
        String actor = e.activatedBy() == null || e.activatedBy().isBlank() ? SYSTEM_ACTOR : e.activatedBy();
        return exclusive(lockId(key), key, now,
                () -> reviewer.run("PACK_CHANGE", ReReviewScope.packChange(e.previousVersion()), actor, key, now));
    }

    // The activation may be announced with fire() or fireAsync(); either way the run starts in the background.
    void onPackActivated(@Observes PackActivated e) {
        startPackChange(e);
    }

    void onPackActivatedAsync(@ObservesAsync PackActivated e) {
        startPackChange(e);
    }

    private void startPackChange(PackActivated e) {
        LOG.infof("rule pack %s activated (was %s): re-reviewing listed apps decided under %s", e.version(),
                e.previousVersion(), e.previousVersion());
        reviewer.inBackground(() -> packChanged(e, clock.instant()));
    }

    /** Runs {@code work} while holding advisory lock {@code lockId}, unless a run with {@code dedupKey} is DONE. */
    Uni<ReReviewProgress> exclusive(long lockId, String dedupKey, Instant now, Supplier<Uni<ReReviewProgress>> work) {
        return pool.getConnection().chain(conn -> tryLock(conn, lockId)
                .chain(locked -> {
                    if (!locked) {
                        LOG.debugf("%s: another replica holds the lock", dedupKey);
                        return Uni.createFrom().<ReReviewProgress>nullItem();
                    }
                    return runs.alreadyDone(conn, dedupKey)
                            .chain(done -> done ? Uni.createFrom().<ReReviewProgress>nullItem()
                                    : runs.abandonStale(conn, dedupKey, now).chain(work::get))
                            .eventually(() -> conn.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(lockId)));
                })
                .eventually(conn::close));
    }

    private static Uni<Boolean> tryLock(SqlConnection conn, long lockId) {
        return conn.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(lockId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Pack versions may be long: keys beyond the column width are replaced by their digest. */
    static String dedupKey(String key) {
        return key.length() <= 240 ? key : "PACK_CHANGE:sha256:" + java.util.HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable 64-bit advisory lock id per job key (the same on every replica). */
    public static long lockId(String key) {
        byte[] d = sha256("admission-gate:" + key);
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (d[i] & 0xff);
        }
        return id;
    }
}
