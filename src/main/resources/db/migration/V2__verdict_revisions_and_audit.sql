-- A verdict can change after the upload decision: an operator override, a re-review under a newer rule pack, an
-- expired rectification. The verdict row holds the CURRENT decision; every decision ever published is kept in
-- verdict_revision (append-only), so the history of an upload can be shown and audited.
alter table verdict add column revision int not null default 1;
alter table verdict add column overridden_by varchar(128);
alter table verdict add column updated_at timestamptz;

create table verdict_revision (
    id                bigserial primary key,
    upload_id         varchar(128) not null,
    revision          int          not null,
    decision          varchar(16)  not null,
    rectify_by        date,
    reason            varchar(32)  not null,
    rule_pack_version varchar(200) not null,
    findings          jsonb        not null,
    changes           jsonb,
    overridden_by     varchar(128),
    decided_at        timestamptz  not null,
    constraint verdict_revision_uq unique (upload_id, revision)
);

-- Revision 1 of every verdict decided before this migration.
insert into verdict_revision (upload_id, revision, decision, rectify_by, reason, rule_pack_version, findings, decided_at)
select upload_id, 1, decision, rectify_by, reason, rule_pack_version, findings, decided_at from verdict;

-- Audit log: who changed what, when, why, with the state before and after. Append-only, enforced by the database
-- so that no code path (or operator with SQL access through the app's role) can rewrite history.
create table audit_log (
    id      bigserial primary key,
    at      timestamptz  not null,
    actor   varchar(128) not null,
    action  varchar(40)  not null,
    target  varchar(255) not null,
    reason  text         not null,
    before  jsonb,
    after   jsonb
);
create index audit_log_target_idx on audit_log (target, id);
create index audit_log_at_idx on audit_log (at desc, id desc);

create function gate_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = '42501';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function gate_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function gate_append_only();
create trigger verdict_revision_append_only before update or delete on verdict_revision
    for each row execute function gate_append_only();
