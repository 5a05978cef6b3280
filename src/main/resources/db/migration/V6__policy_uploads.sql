-- The privacy policy each upload named (sha256 of the document bytes) and who uploaded it: MP-1 "same policy as
-- another developer's" looks up other developers that uploaded a byte-identical policy before. One row per upload,
-- only for policies that were read (status parsed).
create table policy_upload (
    upload_id     varchar(128) primary key,
    developer_id  varchar(128),
    package_name  varchar(255) not null,
    policy_sha256 varchar(64)  not null,
    recorded_at   timestamptz  not null
);
create index policy_upload_sha_idx on policy_upload (policy_sha256, recorded_at);
