-- Every changed verdict writes its findings three times (verdict, verdict_revision, the outbox payload) and each is
-- several KiB, so Postgres compresses them on every write. With the default pglz that compression was ~22 % of
-- Postgres' CPU in a catalog-wide re-review (perf over `./gate bench rereview`, docs/benchmarks.md) and it costs the
-- upload path the same per decision; lz4 compresses several times faster and decompresses faster too (the re-review
-- page query reads every listed app's findings). Servers built without lz4 keep pglz. Only values written from now
-- on use lz4; older ones are read as they are.
do $$
declare
    col text;
begin
    foreach col in array array['verdict.findings', 'verdict.submission', 'verdict_revision.findings',
                               'verdict_revision.changes', 'outbox.payload', 'upload_policy.section',
                               'audit_log.before', 'audit_log.after']
    loop
        execute format('alter table %I alter column %I set compression lz4', split_part(col, '.', 1),
                       split_part(col, '.', 2));
    end loop;
exception when others then
    raise notice 'lz4 not available (%): verdict columns keep the default compression', sqlerrm;
end
$$;
