package com.admissiongate.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The re_review_run table: one row per run, its counters updated after every page. */
@ApplicationScoped
public class ReReviewRuns {

    private final Pool pool;
    private final ObjectMapper mapper;

    public ReReviewRuns(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<ReReviewProgress> create(UUID id, String trigger, ReReviewScope scope, String requestedBy,
                                        String packVersion, String dedupKey, Instant now) {
        String scopeJson;
        try {
            scopeJson = mapper.writeValueAsString(scope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.preparedQuery("insert into re_review_run (id, trigger, scope, requested_by, state, pack_version, "
                        + "dedup_key, started_at) values ($1, $2, cast(cast($3 as text) as jsonb), $4, 'RUNNING', $5, $6, $7)")
                .execute(Tuple.tuple().addUUID(id).addString(trigger).addString(scopeJson).addString(requestedBy)
                        .addString(packVersion).addString(dedupKey).addOffsetDateTime(odt(now)))
                .chain(() -> find(id));
    }

    public Uni<Void> selected(UUID id, int selected) {
        return pool.preparedQuery("update re_review_run set selected = $2 where id = $1")
                .execute(Tuple.of(id, selected)).replaceWithVoid();
    }

    /** Adds a page's counts; one statement so concurrent readers never see half a page. */
    public Uni<Void> add(UUID id, PageCounts c) {
        return pool.preparedQuery("update re_review_run set evaluated = evaluated + $2, changed = changed + $3, "
                        + "unchanged = unchanged + $4, reanalysis = reanalysis + $5, failed = failed + $6, "
                        + "skipped = skipped + $7 where id = $1")
                .execute(Tuple.tuple().addUUID(id).addInteger(c.evaluated()).addInteger(c.changed())
                        .addInteger(c.unchanged()).addInteger(c.reanalysis()).addInteger(c.failed())
                        .addInteger(c.skipped()))
                .replaceWithVoid();
    }

    public Uni<Void> finish(UUID id, String state, String error, Instant now) {
        return pool.preparedQuery("update re_review_run set state = $2, error = $3, finished_at = $4 where id = $1")
                .execute(Tuple.tuple().addUUID(id).addString(state).addString(error).addOffsetDateTime(odt(now)))
                .replaceWithVoid();
    }

    /** True when a run with this dedup key already finished (on any replica). */
    public Uni<Boolean> alreadyDone(SqlClient client, String dedupKey) {
        return client.preparedQuery("select 1 from re_review_run where dedup_key = $1 and state = 'DONE' limit 1")
                .execute(Tuple.of(dedupKey)).map(rows -> rows.size() > 0);
    }

    /**
     * RUNNING rows of this dedup key while the caller holds the key's lock belong to a replica that died mid-run:
     * mark them so progress readers stop waiting on them.
     */
    public Uni<Void> abandonStale(SqlClient client, String dedupKey, Instant now) {
        return client.preparedQuery("update re_review_run set state = 'ABANDONED', finished_at = $2, "
                        + "error = 'the replica running it stopped before the end' where dedup_key = $1 and state = 'RUNNING'")
                .execute(Tuple.tuple().addString(dedupKey).addOffsetDateTime(odt(now))).replaceWithVoid();
    }

    public Uni<ReReviewProgress> find(UUID id) {
        return pool.preparedQuery("select id, trigger, scope::text as scope, requested_by, state, pack_version, selected, "
                        + "evaluated, changed, unchanged, reanalysis, failed, skipped, started_at, finished_at, error "
                        + "from re_review_run where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toProgress(rows.iterator().next()));
    }

    private ReReviewProgress toProgress(Row r) {
        try {
            String state = r.getString("state");
            OffsetDateTime fin = r.getOffsetDateTime("finished_at");
            return new ReReviewProgress(r.getUUID("id"), r.getString("trigger"), mapper.readTree(r.getString("scope")),
                    r.getString("requested_by"), state, r.getString("pack_version"), r.getInteger("selected"),
                    r.getInteger("evaluated"), r.getInteger("changed"), r.getInteger("unchanged"),
                    r.getInteger("reanalysis"), r.getInteger("failed"), r.getInteger("skipped"), !"RUNNING".equals(state),
                    r.getOffsetDateTime("started_at").toInstant(), fin == null ? null : fin.toInstant(),
                    r.getString("error"));
        } catch (IOException e) {
            throw new IllegalStateException("stored scope is not JSON", e);
        }
    }

    static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    /** Counts of one page. */
    public record PageCounts(int evaluated, int changed, int unchanged, int reanalysis, int failed, int skipped) {
        public PageCounts plus(PageCounts o) {
            return new PageCounts(evaluated + o.evaluated, changed + o.changed, unchanged + o.unchanged,
                    reanalysis + o.reanalysis, failed + o.failed, skipped + o.skipped);
        }

        public static PageCounts none() {
            return new PageCounts(0, 0, 0, 0, 0, 0);
        }
    }
}
