package com.admissiongate.console;

import com.admissiongate.review.ReReviewRuns;
import com.admissiongate.review.ReReviewSelector;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's read queries, straight on the reactive pool: pages need a few columns of many rows, not entities.
 * Every value is a bound parameter. Queue pages are keyset-paginated over {@code verdict_attention_idx} (V5).
 */
@ApplicationScoped
public class ConsoleQueries {

    static final LocalDate NO_DEADLINE = LocalDate.of(9999, 12, 31);
    static final int PAGE_SIZE = 50;
    /** Counting stops here: the live count says "10000+" instead of scanning every waiting verdict. */
    static final int COUNT_CAP = 10_000;
    static final int FILTERED_COUNT_CAP = 1_000;
    /** A rule filter counting more waiting verdicts than this walks the queue in order (see {@link #queue}). */
    static final int COMMON_RULE = 200;

    /** Must stay identical to the predicate of verdict_attention_idx (V5__console_indexes.sql). */
    static final String ATTENTION = "(decision = 'RECTIFY' or overridden_by is not null"
            + " or findings @> '[{\"ruleId\":\"GATE-INCOMPLETE\"}]'"
            + " or (decision = 'ACCEPT' and findings @> '[{\"outcome\":\"WARN\"}]'))";
    static final String SORT_KEY = "coalesce(rectify_by, date '9999-12-31')";

    private final Pool pool;
    private final ReReviewRuns runs;

    public ConsoleQueries(Pool pool, ReReviewRuns runs) {
        this.pool = pool;
        this.runs = runs;
    }

    /**
     * One page of the queue: up to {@link #PAGE_SIZE} rows plus one to know whether a next page exists. The page's ids
     * are found first (an index-only scan of verdict_attention_idx for every filter but rule and category), then
     * only those rows are read.
     *
     * @param ruleIsCommon whether the rule filter matches many waiting verdicts: then the page walks the queue in
     *                     deadline order and checks each verdict's findings; a rare rule is looked up in the findings
     *                     GIN index and its few verdicts sorted. (The planner cannot tell: jsonb containment has a
     *                     fixed selectivity estimate.)
     */
    public Uni<List<QueueRow>> queue(QueueFilter f, LocalDate today, boolean ruleIsCommon) {
        Tuple args = Tuple.tuple();
        StringBuilder sql = new StringBuilder("with page as materialized (select id from verdict where ");
        where(sql, args, f, ruleIsCommon);
        if (f.after() != null) {
            args.addValue(f.afterDeadline()).addValue(f.afterId());
            sql.append(" and (").append(SORT_KEY).append(", id) > ($").append(args.size() - 1).append(", $")
                    .append(args.size()).append(')');
        }
        sql.append(" order by ").append(SORT_KEY).append(", id limit ").append(PAGE_SIZE + 1).append(')')
                .append(" select v.id, upload_id, package_name, version_code, submission->>'appName' as app_name,"
                        + " developer_id, app_type, minors_targeted, decision, rectify_by, decided_at, overridden_by,"
                        + " findings @> '[{\"ruleId\":\"GATE-INCOMPLETE\"}]' as incomplete,"
                        + " findings @> '[{\"outcome\":\"WARN\"}]' as warn from page join verdict v on v.id = page.id"
                        + " order by coalesce(v.rectify_by, date '9999-12-31'), v.id");
        return pool.preparedQuery(sql.toString()).execute(args).map(rows -> {
            List<QueueRow> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new QueueRow(r.getLong("id"), r.getString("upload_id"), r.getString("package_name"),
                        r.getLong("version_code"), r.getString("app_name"), r.getString("developer_id"),
                        r.getString("app_type"), r.getBoolean("minors_targeted"), r.getString("decision"),
                        r.getLocalDate("rectify_by"), r.getOffsetDateTime("decided_at"), r.getString("overridden_by"),
                        r.getBoolean("incomplete"), r.getBoolean("warn"), today));
            }
            return out;
        });
    }

    /**
     * Verdicts waiting under these filters, capped: {@link #COUNT_CAP} + 1 for the whole queue (an index-only scan),
     * {@link #FILTERED_COUNT_CAP} + 1 under filters, whose rows may each need their findings read.
     */
    public Uni<Long> count(QueueFilter f) {
        Tuple args = Tuple.tuple();
        StringBuilder sql = new StringBuilder("select count(*) from (select 1 from verdict where ");
        where(sql, args, f, false);
        sql.append(" limit ").append(cap(f) + 1).append(") q");
        return pool.preparedQuery(sql.toString()).execute(args).map(rows -> rows.iterator().next().getLong(0));
    }

    static int cap(QueueFilter f) {
        return f.query().isEmpty() ? COUNT_CAP : FILTERED_COUNT_CAP;
    }

    private static void where(StringBuilder sql, Tuple args, QueueFilter f, boolean ruleIsCommon) {
        sql.append(ATTENTION);
        if (f.category() != null) {
            // warn and incomplete have their own partial indexes in deadline order (V5): keep these clauses textually
            // identical to those index predicates; rectify and overridden are checked on verdict_attention_idx alone
            sql.append(switch (f.category()) {
                case "rectify" -> " and decision = 'RECTIFY'";
                case "warn" -> " and decision = 'ACCEPT' and findings @> '[{\"outcome\":\"WARN\"}]'";
                case "incomplete" -> " and findings @> '[{\"ruleId\":\"GATE-INCOMPLETE\"}]'";
                default -> " and overridden_by is not null";
            });
        }
        if (f.decision() != null) {
            args.addValue(f.decision());
            sql.append(" and decision = $").append(args.size());
        }
        if (f.rule() != null) {
            args.addValue(f.rule());
            sql.append(ruleIsCommon
                    ? " and jsonb_path_exists(findings, '$[*] ? (@.ruleId == $r)', jsonb_build_object('r', $" + args.size() + "::text))"
                    : " and findings @> jsonb_build_array(jsonb_build_object('ruleId', $" + args.size() + "::text))");
        }
        if (f.appType() != null) {
            args.addValue(f.appType());
            sql.append(" and app_type = $").append(args.size());
        }
        if (f.minors() != null) {
            args.addValue(f.minors());
            sql.append(" and minors_targeted = $").append(args.size());
        }
        if (f.developer() != null) {
            args.addValue(f.developer());
            sql.append(" and developer_id = $").append(args.size());
        }
        if (f.from() != null) {
            args.addValue(f.from().atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
            sql.append(" and decided_at >= $").append(args.size());
        }
        if (f.to() != null) {
            args.addValue(f.to().plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
            sql.append(" and decided_at < $").append(args.size());
        }
    }

    /** Minors' apps with a RECTIFY decision, by deadline; {@code expired} selects those past it. */
    public Uni<List<QueueRow>> minorsRectifications(LocalDate today, boolean expired) {
        String sql = "select id, upload_id, package_name, version_code, submission->>'appName' as app_name,"
                + " developer_id, app_type, minors_targeted, decision, rectify_by, decided_at, overridden_by"
                + " from verdict where minors_targeted and decision = 'RECTIFY' and rectify_by "
                + (expired ? "< $1 order by rectify_by desc, id desc" : ">= $1 order by rectify_by, id") + " limit 200";
        return pool.preparedQuery(sql).execute(Tuple.of(today)).map(rows -> {
            List<QueueRow> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new QueueRow(r.getLong("id"), r.getString("upload_id"), r.getString("package_name"),
                        r.getLong("version_code"), r.getString("app_name"), r.getString("developer_id"),
                        r.getString("app_type"), true, r.getString("decision"), r.getLocalDate("rectify_by"),
                        r.getOffsetDateTime("decided_at"), r.getString("overridden_by"), false, false, today));
            }
            return out;
        });
    }

    /** Listed apps shown on the minors' page at most (by deadline, then package). */
    static final int LISTED_MINORS_LIMIT = 200;

    /**
     * Listed apps aimed at minors (the re-review's own test, {@link ReReviewSelector#MINORS}) with the listed binary's
     * verdict and its last re-review: the later of the last RE_REVIEW revision and {@code reviewed_at}.
     */
    public Uni<List<ListedMinor>> listedMinors(LocalDate today) {
        String sql = "select l.package_name, v.upload_id, v.version_code, v.submission->>'appName' as app_name,"
                + " v.developer_id, v.decision, v.rectify_by, v.rule_pack_version, v.overridden_by,"
                + " case when rr.decided_at is not null and (v.reviewed_at is null or rr.decided_at >= v.reviewed_at)"
                + "   then rr.decided_at else v.reviewed_at end as last_review_at,"
                + " case when rr.decided_at is not null and (v.reviewed_at is null or rr.decided_at >= v.reviewed_at)"
                + "   then rr.rule_pack_version else v.reviewed_pack_version end as last_review_pack"
                + " from listing l join lateral (select * from verdict x where x.package_name = l.package_name"
                + "   and x.sha256 = l.sha256 order by x.id desc limit 1) v on true"
                + " left join lateral (select r.decided_at, r.rule_pack_version from verdict_revision r"
                + "   where r.upload_id = v.upload_id and r.reason = 'RE_REVIEW' order by r.revision desc limit 1) rr on true"
                + " where l.state = 'LISTED' and " + ReReviewSelector.MINORS
                + " order by coalesce(v.rectify_by, date '9999-12-31'), l.package_name limit " + LISTED_MINORS_LIMIT;
        return pool.query(sql).execute().map(rows -> {
            List<ListedMinor> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new ListedMinor(r.getString("package_name"), r.getString("upload_id"), r.getLong("version_code"),
                        r.getString("app_name"), r.getString("developer_id"), r.getString("decision"),
                        r.getLocalDate("rectify_by"), r.getString("rule_pack_version"),
                        r.getOffsetDateTime("last_review_at"), r.getString("last_review_pack"),
                        r.getString("overridden_by"), today));
            }
            return out;
        });
    }

    /** The latest re-review runs, newest first. */
    public Uni<List<RunView>> recentRuns(int limit, Page page) {
        return pool.preparedQuery("select id from re_review_run order by started_at desc limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<java.util.UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                })
                .chain(ids -> io.smallrye.mutiny.Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(runs::find)
                        .filter(java.util.Objects::nonNull)
                        .map(p -> RunView.of(p, page))
                        .collect().asList());
    }

    /** Whether a table exists (listings and re-review runs are added by later migrations). */
    public Uni<Boolean> tableExists(String name) {
        return pool.preparedQuery("select to_regclass($1) is not null").execute(Tuple.of(name))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    static Row first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }
}
