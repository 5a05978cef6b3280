-- Verdicts: one per upload (the unique upload_id makes redelivery idempotent).
create table verdict (
    id                bigserial primary key,
    upload_id         varchar(128) not null,
    package_name      varchar(255) not null,
    version_code      bigint       not null,
    sha256            varchar(64)  not null,
    developer_id      varchar(128),
    app_type          varchar(40),
    minors_targeted   boolean      not null default false,
    decision          varchar(16)  not null,
    rectify_by        date,
    retryable         boolean      not null default false,
    reason            varchar(32)  not null default 'UPLOAD',
    rule_pack_version varchar(200) not null,
    analyzer_version  varchar(100) not null,
    signer_sha256     varchar(64),
    findings          jsonb        not null,
    submission        jsonb        not null,
    decided_at        timestamptz  not null,
    constraint verdict_upload_id_uq unique (upload_id)
);
create index verdict_package_idx on verdict (package_name, decided_at desc, id desc);
create index verdict_decided_idx on verdict (decided_at desc, id desc);

-- Facts: analysed once per (binary, analyzer version); re-evaluation reads these, never the APK.
create table facts (
    sha256           varchar(64)  not null,
    analyzer_version varchar(100) not null,
    document         jsonb        not null,
    created_at       timestamptz  not null default now(),
    primary key (sha256, analyzer_version)
);

-- Transactional outbox: written in the verdict's transaction, relayed to Kafka, then marked sent.
create table outbox (
    id         bigserial primary key,
    event_id   uuid         not null unique,
    topic      varchar(200) not null,
    msg_key    varchar(255),
    payload    text         not null,
    created_at timestamptz  not null,
    sent_at    timestamptz,
    attempts   int          not null default 0
);
create index outbox_unsent_idx on outbox (id) where sent_at is null;
