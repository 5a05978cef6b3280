package com.admissiongate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Periodic re-review of listed apps and the RECTIFY deadline job (gate.rereview.*). */
@ConfigMapping(prefix = "gate.rereview")
public interface ReReviewConfig {

    /** Quartz-style cron of the scheduled re-review (default daily 03:00); "off" disables it on this replica. */
    @WithDefault("0 0 3 * * ?")
    String cron();

    /** Cron of the deadline job that turns expired RECTIFY decisions into REJECT (default hourly); "off" disables. */
    @WithDefault("0 30 * * * ?")
    String deadlineCron();

    /** Verdicts read per keyset page; at most two pages are read or evaluated and one page written at a time. */
    @WithDefault("500")
    int pageSize();

    /**
     * Whether a re-review may reuse a stored verdict's rule results (review/ReusePlan): only the rules that changed
     * since the verdict's pack, and those reading history, are evaluated (over just the Facts sections they read);
     * when the stored decision and fired rules could have changed, the whole pack is evaluated as without it.
     * false = every app is evaluated in full.
     */
    @WithDefault("true")
    boolean reuseResults();

    /** Verdicts evaluated at once (CPU-bound: about one per core). */
    @WithDefault("2")
    int concurrency();

    /**
     * Rectification period in days for a RECTIFY re-review decision of an app aimed at minors, instead of the
     * rules' rectifyDays (the minors initiative may set a shorter one). Empty = the rules' rectifyDays.
     */
    Optional<Integer> minorsRectifyDays();

    /**
     * Whether a re-review fetches the privacy policy again when the submission names it by {@code url} (not an
     * uploaded object), through the upload path's guarded fetcher and limits, instead of judging the section stored
     * with the Facts. A failed fetch gives the same {@code unavailable} section as at upload; it never stops a run.
     */
    @WithDefault("true")
    boolean refreshPolicyUrls();

    /**
     * Cron of the re-analysis job: uploads a re-review found with Facts of an older analyzer (queued in
     * {@code re_analysis_request}) are fetched again and re-analysed, a batch per run (default every 10 minutes);
     * "off" disables it on this replica.
     */
    @WithDefault("0 5/10 * * * ?")
    String reanalysisCron();

    /** Uploads re-analysed per run of the re-analysis job, one after the other (each costs a download and an analysis). */
    @WithDefault("50")
    int reanalysisBatch();

    /**
     * How long a run's claim on its batch lasts. A replica killed mid-batch leaves its claims; after this they are
     * taken again by the next run anywhere. Longer than a batch takes (each upload: a download and an analysis),
     * or a slow batch's rest is taken by another replica as well (harmless: a re-scan that changes nothing writes
     * nothing, but the work is done twice).
     */
    @WithDefault("30m")
    java.time.Duration reanalysisLease();
}
