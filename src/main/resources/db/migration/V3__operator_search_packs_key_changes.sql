-- Operator API (issue #10): verdict search, uploaded rule packs and their activation, registered signing-key changes.

-- Search: every filter combination is served by keyset order (decided_at desc, id desc). Equality filters get a
-- composite index ending in the keyset columns, so "developer X, newest first" is an index range scan; rule ids are
-- matched with findings @> '[{"ruleId": ...}]', which the jsonb_path_ops GIN index answers.
create index verdict_developer_idx on verdict (developer_id, decided_at desc, id desc);
create index verdict_decision_idx on verdict (decision, decided_at desc, id desc);
create index verdict_minors_idx on verdict (decided_at desc, id desc) where minors_targeted;
create index verdict_findings_gin on verdict using gin (findings jsonb_path_ops);
create index verdict_revision_upload_idx on verdict_revision (upload_id, revision);
create index audit_log_action_idx on audit_log (action, at desc, id desc);
create index audit_log_actor_idx on audit_log (actor, at desc, id desc);

-- Uploaded rule packs: the zip as uploaded (pack.yaml, rule files, optional samples/), validated before storing.
-- Rows are immutable: a changed pack has another content hash and so another version.
create table rule_pack (
    version        varchar(200) primary key,
    name           varchar(100) not null,
    semver         varchar(50)  not null,
    content_sha256 varchar(64)  not null,
    rule_count     int          not null,
    archive        bytea        not null,
    uploaded_by    varchar(128) not null,
    uploaded_at    timestamptz  not null
);
create trigger rule_pack_append_only before update or delete on rule_pack
    for each row execute function gate_append_only();

-- Pack activations: the newest row is the pack every replica evaluates with (each polls it); older rows are the
-- history. A version not in rule_pack is the pack bundled with the service.
create table rule_pack_activation (
    id           bigserial primary key,
    version      varchar(200) not null,
    activated_by varchar(128) not null,
    activated_at timestamptz  not null,
    reason       text         not null
);
create trigger rule_pack_activation_append_only before update or delete on rule_pack_activation
    for each row execute function gate_append_only();

-- Deliberate signing-key changes: the next upload of the package signed by new_cert_sha256 is not a SIGN-02
-- certificate change. Valid until an upload of the package is accepted after the registration.
create table signing_key_change (
    id              bigserial primary key,
    package_name    varchar(255) not null,
    new_cert_sha256 varchar(64)  not null,
    reason          text         not null,
    registered_by   varchar(128) not null,
    registered_at   timestamptz  not null
);
create index signing_key_change_pkg_idx on signing_key_change (package_name, registered_at desc);
