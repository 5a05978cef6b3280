-- What the store actually did with a package (the release pipeline's store.listings events): the gate publishes
-- decisions, a human may still hold a release, so re-review and deadlines act on this table, not on decisions.
-- One row per package: the current listing. `at` orders events; an older event never overwrites a newer one.
create table listing (
    package_name varchar(255) primary key,
    version_code bigint       not null,
    sha256       varchar(64)  not null,
    state        varchar(16)  not null check (state in ('LISTED', 'DELISTED', 'SUSPENDED')),
    at           timestamptz  not null,
    event_id     varchar(200) not null,
    updated_at   timestamptz  not null
);
create index listing_listed_idx on listing (package_name) where state = 'LISTED';
-- the listed version's verdict is found by (package, sha256)
create index verdict_package_sha_idx on verdict (package_name, sha256, id desc);

-- One re-review run (scheduled, operator-triggered or pack change) and its progress, readable by every replica.
create table re_review_run (
    id           uuid         primary key,
    trigger      varchar(20)  not null,
    scope        jsonb        not null,
    requested_by varchar(128) not null,
    state        varchar(16)  not null,
    pack_version varchar(200) not null,
    selected     int          not null default 0,
    evaluated    int          not null default 0,
    changed      int          not null default 0,
    unchanged    int          not null default 0,
    reanalysis   int          not null default 0,
    failed       int          not null default 0,
    skipped      int          not null default 0,
    -- SCHEDULED:<date> or PACK_CHANGE:<version>: a second replica (or a redelivered trigger) finds the DONE run
    -- under the advisory lock and does not repeat it; null for operator runs
    dedup_key    varchar(240),
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    error        text
);
create index re_review_run_dedup_idx on re_review_run (dedup_key) where dedup_key is not null;
create index re_review_run_started_idx on re_review_run (started_at desc);

-- Verdicts whose Facts came from an older analyzer: re-evaluating them would judge stale Facts, so they wait for
-- a re-analysis (fetch + analyse again) instead. One row per upload; a later run only refreshes the wanted version.
create table re_analysis_request (
    upload_id         varchar(128) primary key,
    sha256            varchar(64)  not null,
    analyzer_version  varchar(100) not null,
    wanted_version    varchar(100) not null,
    requested_at      timestamptz  not null,
    run_id            uuid         not null
);

-- RECTIFY deadlines the deadline job scans: only current RECTIFY verdicts with a deadline.
create index verdict_rectify_due_idx on verdict (rectify_by, id) where decision = 'RECTIFY' and rectify_by is not null;

-- The pack a verdict was last re-evaluated under when that changed nothing: no revision (nothing to publish), but
-- it is no longer stale, so the next run does not evaluate it again until the pack changes.
alter table verdict add column reviewed_pack_version varchar(200);
alter table verdict add column reviewed_at timestamptz;
