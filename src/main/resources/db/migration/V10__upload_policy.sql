-- Facts are stored once per binary (sha256 + analyzer version), but their privacyPolicy section is per upload: two
-- uploads of the same bytes can name different policies (a re-upload with a corrected policy, a URL that changed).
-- The shared row keeps the section of the upload that stored it first; an upload whose section differs keeps its own
-- here, and every reader of one upload's Facts puts it in place (FactsStore). Empty while every upload is a new binary.
create table upload_policy (
    upload_id        varchar(128) not null,
    analyzer_version varchar(100) not null,
    section          jsonb        not null,
    primary key (upload_id, analyzer_version)
);
