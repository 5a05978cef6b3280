package com.admissiongate.review;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.config.ReReviewConfig;
import com.admissiongate.publish.OutboxRelay;
import com.admissiongate.review.CandidateJudge.Checked;
import com.admissiongate.review.CandidateJudge.Outcome;
import com.admissiongate.verdict.VerdictRevisions;
import io.quarkus.arc.ClientProxy;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The re-review machinery shared by the daily job, pack changes and operator triggers: selects listed apps in keyset
 * pages, re-evaluates their stored Facts under the active pack (never the APK), and turns a changed outcome into a
 * verdict revision (reason RE_REVIEW) published through the outbox. At most two pages are read or evaluated at a
 * time and one page's results written ({@link Pipeline}), so memory stays flat and the database sets the pace;
 * each candidate is judged by {@link CandidateJudge} on at most {@code gate.rereview.concurrency} worker threads,
 * reusing stored rule results where it may ({@link ReusePlan}).
 */
@ApplicationScoped
public class ReReviewer {

    private static final Logger LOG = Logger.getLogger(ReReviewer.class);

    private final ReReviewSelector selector;
    private final ReReviewRuns runs;
    private final VerdictRevisions revisions;
    private final Assessor assessor;
    private final ReReviewConfig config;
    private final ReReviewMetrics metrics;
    private final OutboxRelay relay;
    private final Pool pool;
    private final Vertx vertx;
    private final CandidateJudge judge;
    private final EvaluationBasis basis;

    public ReReviewer(ReReviewSelector selector, ReReviewRuns runs, VerdictRevisions revisions, Assessor assessor,
                      ReReviewConfig config, ReReviewMetrics metrics, OutboxRelay relay, Pool pool, Vertx vertx,
                      CandidateJudge judge, EvaluationBasis basis) {
        this.selector = selector;
        this.runs = runs;
        this.revisions = revisions;
        this.assessor = assessor;
        this.config = config;
        this.metrics = metrics;
        this.relay = relay;
        this.pool = pool;
        this.vertx = vertx;
        this.judge = judge;
        this.basis = basis;
    }

    /** The assessor in force now (the pack may be swapped at runtime, so never cached). */
    public PolicyAssessor current() {
        return (PolicyAssessor) ClientProxy.unwrap(assessor);
    }

    public String activePackVersion() {
        return current().pack().version();
    }

    /** Records a new run (state RUNNING); {@link #execute} then does the work. */
    public Uni<ReReviewProgress> create(String trigger, ReReviewScope scope, String actor, String dedupKey, Instant now) {
        return runs.create(UUID.randomUUID(), trigger, scope, actor, activePackVersion(), dedupKey, now);
    }

    /** Creates and executes a run to its end; emits the final progress. */
    public Uni<ReReviewProgress> run(String trigger, ReReviewScope scope, String actor, String dedupKey, Instant now) {
        return create(trigger, scope, actor, dedupKey, now).chain(p -> execute(p.id(), trigger, scope, now));
    }

    /** Runs {@code work} on a fresh Vert.x context, detached from the caller (REST request, CDI event). */
    public void inBackground(java.util.function.Supplier<Uni<?>> work) {
        io.vertx.core.Context ctx = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        // a context of its own, not shared with the caller: Panache may open its session on it
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(ctx, true);
        ctx.runOnContext(x -> work.get().subscribe().with(r -> { }, e -> LOG.errorf(e, "background re-review failed")));
    }

    /**
     * Runs the work of a created run and always ends it: DONE, or FAILED on any {@link Throwable}, an {@link Error}
     * such as OutOfMemoryError included (a run that died of one used to stay RUNNING for good, with
     * gate_rereview_running stuck at 1). The FAILED mark is its own statement on the pool, outside any page
     * transaction, retried a few times because right after an OutOfMemoryError the first attempt may fail too.
     */
    public Uni<ReReviewProgress> execute(UUID runId, String trigger, ReReviewScope scope, Instant now) {
        AtomicReference<ReReviewRuns.PageCounts> sum = new AtomicReference<>(ReReviewRuns.PageCounts.none());
        AtomicInteger started = new AtomicInteger(-1); // apps selected, once the metrics count this run as running
        return Uni.createFrom().deferred(() -> {
                    PolicyAssessor pa = current();
                    String pack = pa.pack().version();
                    String analyzer = pa.assembler().analyzerVersion();
                    return plan(pa).chain(plan -> selector.count(scope, pack).chain(selected -> {
                        metrics.started(selected);
                        started.set(selected);
                        return runs.selected(runId, selected)
                                .chain(() -> pages(runId, trigger, scope, pa, plan, analyzer, "", now, sum));
                    }));
                })
                .onItemOrFailure().transformToUni((total, failure) -> {
                    int selected = started.getAndSet(-1);
                    if (selected >= 0) {
                        metrics.finished(selected, sum.get());
                    }
                    return failure == null ? runs.finish(runId, "DONE", null, now) : failed(runId, failure, now);
                })
                .onFailure().recoverWithUni(e -> failed(runId, e, now)) // the DONE update itself failed
                .onFailure().recoverWithNull()
                .chain(() -> runs.find(runId));
    }

    /**
     * What this run may reuse (null: nothing, evaluate every app in full). The serving pack's basis is recorded by
     * {@link EvaluationBasis} at start-up and on activation, not here: a verdict whose pack has no row is judged in full.
     */
    private Uni<ReusePlan> plan(PolicyAssessor pa) {
        if (!config.reuseResults()) {
            return Uni.createFrom().nullItem();
        }
        return basis.usable(pa.overridesDigest())
                .map(usable -> {
                    ReusePlan plan = ReusePlan.of(pa.pack(), usable);
                    return plan.reusesAnything() ? plan : null;
                });
    }

    private Uni<Void> failed(UUID runId, Throwable e, Instant now) {
        LOG.errorf(e, "re-review run %s failed", runId);
        String error = e instanceof Exception ? String.valueOf(e.getMessage()) : e.toString();
        return Uni.createFrom().deferred(() -> runs.finish(runId, "FAILED", error, now))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5);
    }

    /**
     * The pages one after another. Iterative on purpose: chaining page N+1 inside page N's continuation kept every
     * earlier page's operators, and through their lambdas the candidates (Facts text included), reachable until the
     * run ended, so memory grew with the catalog instead of staying at one page (measured: 3 000 live candidates
     * after 30 pages of 100; OutOfMemoryError after 2 000 apps at -Xmx512m, docs/benchmarks.md).
     * <p>
     * A page's writes (revisions, outbox, "reviewed" marks, progress) run while the next page is evaluated, one
     * page's writes at a time and in page order ({@link Pipeline}); the run ends when the last page's writes have.
     */
    private Uni<ReReviewRuns.PageCounts> pages(UUID runId, String trigger, ReReviewScope scope, PolicyAssessor pa,
                                               ReusePlan plan, String analyzer, String after, Instant now,
                                               AtomicReference<ReReviewRuns.PageCounts> sum) {
        AtomicReference<String> cursor = new AtomicReference<>(after);
        AtomicBoolean more = new AtomicBoolean(true);
        AtomicReference<Uni<List<ReReviewCandidate>>> next = new AtomicReference<>();
        Pipeline writes = new Pipeline();
        return Multi.createBy().repeating()
                .uni(() -> page(runId, trigger, scope, pa, plan, analyzer, cursor, more, next, writes, sum, now))
                .whilst(evaluated -> more.get())
                .collect().last()
                // a failure (a page read, a write) ends the run, but only once the writes already started are done:
                // the run's counts then include them, and nothing of the run still writes after it is marked FAILED
                .onFailure().call(e -> writes.last().onFailure().recoverWithNull())
                .chain(x -> writes.last())
                .map(x -> sum.get());
    }

    /**
     * The writes of the pages evaluated so far: each page's start after the previous page's end, so at most one
     * page's writes are in flight and progress counts arrive in page order. A failed write fails every later one
     * and, through {@link #check}, stops the run before the next page is evaluated. Futures, not chained Unis: a
     * chain of memoized Unis kept every earlier page's work (and through it the page's data) reachable until the run
     * ended; a completed future keeps nothing of what came before it.
     */
    static final class Pipeline {
        private final AtomicReference<java.util.concurrent.CompletableFuture<Void>> tail =
                new AtomicReference<>(java.util.concurrent.CompletableFuture.completedFuture(null));
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        /** Starts {@code work} once the writes before it are done (now, when there are none). */
        void then(java.util.function.Supplier<Uni<Void>> work) {
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            tail.getAndSet(done).whenComplete((x, before) -> {
                if (before != null) {
                    done.completeExceptionally(before);
                    return;
                }
                Uni<Void> w;
                try {
                    w = work.get();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    done.completeExceptionally(e);
                    return;
                }
                w.subscribe().with(v -> done.complete(null), e -> {
                    failure.compareAndSet(null, e);
                    done.completeExceptionally(e);
                });
            });
        }

        /** A failure of the writes so far, or null. */
        Throwable check() {
            return failure.get();
        }

        /** Completes when every write started so far has, failing with the first failure. */
        Uni<Void> last() {
            java.util.concurrent.CompletableFuture<Void> t = tail.get();
            return Uni.createFrom().completionStage(t).onFailure(java.util.concurrent.CompletionException.class)
                    .transform(e -> e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * One page: read and evaluate, then hand its writes to {@code writes}; moves {@code cursor} on and clears
     * {@code more} after the last page; emits the number of apps evaluated. The read of the following page starts as
     * soon as this one is read ({@code next}), so Postgres prepares it while this page is evaluated: at most two pages
     * are read and one page's writes pending. Pages are disjoint by package, so one page's writes cannot change what
     * another reads.
     */
    private Uni<Integer> page(UUID runId, String trigger, ReReviewScope scope, PolicyAssessor pa,
                              ReusePlan plan, String analyzer, AtomicReference<String> cursor,
                              AtomicBoolean more, AtomicReference<Uni<List<ReReviewCandidate>>> next,
                              Pipeline writes, AtomicReference<ReReviewRuns.PageCounts> sum, Instant now) {
        Throwable failed = writes.check();
        if (failed != null) {
            return Uni.createFrom().failure(failed);
        }
        String pack = pa.pack().version();
        java.util.function.Supplier<Uni<List<ReReviewCandidate>>> read = () -> selector.page(scope, pack, analyzer,
                cursor.get(), config.pageSize(), plan == null ? null : plan.facts());
        Uni<List<ReReviewCandidate>> current = next.getAndSet(null);
        return (current != null ? current : read.get()).chain(page -> {
            if (page.size() < config.pageSize()) {
                more.set(false);
            }
            if (page.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            cursor.set(page.get(page.size() - 1).packageName());
            if (more.get()) {
                Uni<List<ReReviewCandidate>> ahead = read.get().memoize().indefinitely();
                ahead.subscribe().with(x -> { }, e -> { }); // started now; its failure surfaces when the next page reads it
                next.set(ahead);
            }
            return evaluatePage(page, pa, plan, analyzer, now).map(evaluated -> {
                writes.then(() -> write(runId, evaluated, pack, analyzer, now)
                        .call(counts -> runs.add(runId, counts))
                        .invoke(counts -> {
                            metrics.page(trigger, counts);
                            sum.set(sum.get().plus(counts));
                        })
                        .replaceWithVoid());
                return page.size();
            });
        });
    }

    /**
     * A page evaluated, as its writes need it: the changed verdicts' revisions, the unchanged ones' ids, the apps to
     * re-analyse (their Facts were not read), and counts. Nothing of the candidates' Facts or findings text: it is kept
     * while the next page is evaluated.
     */
    private record Evaluated(List<VerdictRevisions.Expected> changed, List<String> unchanged,
                             List<ReReviewCandidate> stale, int evaluated, int failed) {
    }

    private Uni<Evaluated> evaluatePage(List<ReReviewCandidate> page, PolicyAssessor pa, ReusePlan plan,
                                        String analyzer, Instant now) {
        List<ReReviewCandidate> stale = new ArrayList<>();
        List<ReReviewCandidate> missing = new ArrayList<>();
        List<ReReviewCandidate> ready = new ArrayList<>();
        for (ReReviewCandidate c : page) {
            if (!analyzer.equals(c.analyzerVersion())) {
                stale.add(c);
            } else if (c.facts() == null) {
                missing.add(c);
            } else {
                ready.add(c);
            }
        }
        missing.forEach(c -> LOG.warnf("re-review of %s: no stored Facts for %s/%s", c.uploadId(), c.sha256(), c.analyzerVersion()));
        return evaluateAll(ready, pa, plan, analyzer, now).map(outcomes -> {
            List<VerdictRevisions.Expected> changed = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            int failed = missing.size();
            for (Outcome o : outcomes) {
                if (o.change() != null) {
                    changed.add(new VerdictRevisions.Expected(o.candidate().uploadId(), o.candidate().revision(),
                            o.change(), o.diff(), o.findings()));
                } else if (o.error() == null) {
                    unchanged.add(o.candidate().uploadId());
                } else {
                    failed++;
                }
            }
            return new Evaluated(changed, unchanged, stale, outcomes.size(), failed);
        });
    }

    /** A page's writes: changed verdicts revised, unchanged ones marked reviewed, stale ones queued for re-analysis. */
    private Uni<ReReviewRuns.PageCounts> write(UUID runId, Evaluated e, String pack, String analyzer, Instant now) {
        return persist(e.changed()).chain(applied -> markReviewed(e.unchanged(), pack, now)
                .chain(() -> requestReanalysis(runId, e.stale(), analyzer, now))
                .map(x -> new ReReviewRuns.PageCounts(e.evaluated(), applied, e.unchanged().size(),
                        e.stale().size(), e.failed(), e.changed().size() - applied)));
    }

    /**
     * Evaluates a page. With a plan the page brought each candidate's Facts sections the plan needs and a summary of
     * its findings (rule, outcome, waived): every candidate is checked once ({@link CandidateJudge#byReuse}, most are
     * settled unchanged there); the rest get their whole findings in one query, and the ones the check evaluated are
     * merged; what cannot be merged gets its whole Facts in one more query and the full evaluation, exactly as without
     * a plan.
     */
    private Uni<List<Outcome>> evaluateAll(List<ReReviewCandidate> ready, PolicyAssessor pa, ReusePlan plan,
                                           String analyzer, Instant now) {
        if (plan == null) {
            return inWorkers(ready, c -> judge.evaluate(c, pa, now, null));
        }
        List<Outcome> done = new ArrayList<>();
        return inWorkers(ready, c -> judge.byReuse(c, pa, plan))
                .chain(checked -> {
                    List<Checked> open = new ArrayList<>();
                    for (Checked ch : checked) {
                        if (ch.outcome() != null) {
                            done.add(ch.outcome());
                        } else {
                            open.add(ch);
                        }
                    }
                    if (open.isEmpty()) {
                        return Uni.createFrom().item(List.<Checked>of());
                    }
                    return selector.findings(open.stream().map(ch -> ch.candidate().uploadId()).toList())
                            .chain(texts -> inWorkers(open, ch -> {
                                Checked whole = ch.with(ch.candidate().withFindings(texts.get(ch.candidate().uploadId())));
                                Outcome merged = whole.results() == null ? null : judge.merge(whole, pa, plan, now);
                                return merged != null ? new Checked(whole.candidate(), merged, null, null, null) : whole;
                            }))
                            .map(merged -> {
                                List<Checked> full = new ArrayList<>();
                                for (Checked ch : merged) {
                                    if (ch.outcome() != null) {
                                        done.add(ch.outcome());
                                    } else {
                                        full.add(ch);
                                    }
                                }
                                return full;
                            });
                })
                .chain(full -> {
                    metrics.reuse(done.size(), full.size());
                    if (full.isEmpty()) {
                        return Uni.createFrom().item(done);
                    }
                    return selector.facts(full.stream().map(ch -> ch.candidate().uploadId()).toList(), analyzer)
                            .chain(texts -> inWorkers(full, ch -> judge.evaluate(
                                    ch.candidate().withFacts(texts.get(ch.candidate().uploadId())), pa, now, ch)))
                            .map(evaluated -> {
                                done.addAll(evaluated);
                                return done;
                            });
                });
    }

    /** {@code work} over {@code items} on at most gate.rereview.concurrency worker threads; results in item order. */
    private <I, T> Uni<List<T>> inWorkers(List<I> items, java.util.function.Function<I, T> work) {
        List<T> out = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUni(i -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                    out.set(i, work.apply(items.get(i)));
                    return i;
                }), false))
                .merge(Math.max(1, config.concurrency()))
                .collect().last()
                .map(x -> out);
    }

    /**
     * One transaction per page for the changed verdicts. Each is re-checked under its row lock: if it changed since
     * the page was read (override, expiry, a concurrent run), it is skipped and the next run sees it again.
     */
    private Uni<Integer> persist(List<VerdictRevisions.Expected> expected) {
        if (expected.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(tx -> revisions.reviseAll(tx, expected))
                .invoke(n -> drainOutbox());
    }

    /** Same outcome under the active pack: no revision and no event, but no longer stale for the next run. */
    private Uni<Void> markReviewed(List<String> uploadIds, String pack, Instant now) {
        if (uploadIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update verdict set reviewed_pack_version = $1, reviewed_at = $2 where upload_id = any($3)")
                .execute(Tuple.tuple().addString(pack).addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                        .addArrayOfString(uploadIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * A row of the re-analysis queue ($1 upload id, $2 sha256, $3 its analyzer, $4 the wanted one, $5 when, $6 run id);
     * the caller says what a row already there means ({@code on conflict (upload_id)} …).
     */
    static final String QUEUE_REANALYSIS = "insert into re_analysis_request (upload_id, sha256, analyzer_version, "
            + "wanted_version, requested_at, run_id) values ($1, $2, $3, $4, $5, $6) on conflict (upload_id)";

    /** Facts from an older analyzer are not re-judged: the upload is queued for re-analysis instead ({@link ReanalysisJob}). */
    private Uni<Void> requestReanalysis(UUID runId, List<ReReviewCandidate> stale, String analyzer, Instant now) {
        if (stale.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = stale.stream().map(c -> Tuple.tuple().addString(c.uploadId()).addString(c.sha256())
                .addString(c.analyzerVersion()).addString(analyzer).addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                .addUUID(runId)).toList();
        return pool.preparedQuery(QUEUE_REANALYSIS + " do update set "
                        + "wanted_version = excluded.wanted_version, requested_at = excluded.requested_at, run_id = excluded.run_id")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Publishes the page's decisions now instead of at the relay's next poll, on its own context (own session). */
    private void drainOutbox() {
        inBackground(this::drain);
    }

    private Uni<Void> drain() {
        return relay.relayOnce().chain(n -> n > 0 ? drain() : Uni.createFrom().voidItem());
    }
}
