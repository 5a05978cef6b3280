-- Review console: the queue lists the verdicts that need a human (RECTIFY, WARN-only ACCEPT, GATE-INCOMPLETE,
-- overridden) ordered by deadline, with keyset pagination. This partial index holds exactly those rows in that order,
-- so a page is an index range scan however many verdicts are stored. The predicate must stay textually identical
-- to ConsoleQueries.ATTENTION, or the planner cannot use the index.
-- The filter columns are included, so a filter that matches few rows is checked on the index alone (index-only scan,
-- no heap fetch per waiting verdict).
create index verdict_attention_idx on verdict ((coalesce(rectify_by, date '9999-12-31')), id)
    include (rectify_by, decision, app_type, minors_targeted, developer_id, decided_at, overridden_by)
    where decision = 'RECTIFY' or overridden_by is not null
        or findings @> '[{"ruleId":"GATE-INCOMPLETE"}]' or (decision = 'ACCEPT' and findings @> '[{"outcome":"WARN"}]');
-- The two queue categories defined by findings, in the same deadline order (ConsoleQueries.where).
create index verdict_warn_only_idx on verdict ((coalesce(rectify_by, date '9999-12-31')), id)
    where decision = 'ACCEPT' and findings @> '[{"outcome":"WARN"}]';
create index verdict_incomplete_idx on verdict ((coalesce(rectify_by, date '9999-12-31')), id)
    where findings @> '[{"ruleId":"GATE-INCOMPLETE"}]';
-- Rule filter of the queue (findings @> [{"ruleId": ...}]).
create index verdict_findings_idx on verdict using gin (findings jsonb_path_ops);
-- Minors' apps: open and expired rectifications by deadline.
create index verdict_minors_rectify_idx on verdict (rectify_by, id) where minors_targeted and decision = 'RECTIFY';
-- Version diff: the last accepted version of a package.
create index verdict_accepted_idx on verdict (package_name, version_code desc, decided_at desc) where decision = 'ACCEPT';
-- Developer filter of the queue (selective: one developer's few verdicts among all).
create index verdict_developer_idx on verdict (developer_id, decided_at desc);
