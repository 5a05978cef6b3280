-- Re-review reads every listed app's Facts. Turning the stored jsonb back into text cost Postgres ~1.2-1.8 ms per
-- 47 KiB document (measured, docs/benchmarks.md), more than the CPU of evaluating it: at 100 000 apps minutes of the
-- two cores. document_text keeps the same text (exactly document::text, kept in step by a trigger) ready to send:
-- reading it is a detoast, ~4x cheaper. The jsonb stays the source of truth for queries into the document.
alter table facts add column document_text text;

-- lz4 decompresses several times faster than the default pglz; servers built without lz4 keep pglz
do $$
begin
    execute 'alter table facts alter column document_text set compression lz4';
exception when others then
    raise notice 'lz4 not available (%): facts.document_text uses the default compression', sqlerrm;
end
$$;

create function facts_document_text() returns trigger language plpgsql as $$
begin
    new.document_text := new.document::text;
    return new;
end
$$;

create trigger facts_document_text before insert or update of document on facts
    for each row execute function facts_document_text();

-- backfill (the trigger fires only on writes of document)
update facts set document_text = document::text where document_text is null;
