-- What a verdict's rule results depended on besides its Facts, submission and history: the pack's rules (a digest
-- per rule), the evaluation engine and the operator overrides. Every replica records a row for the pack it serves,
-- at start-up and when another pack is activated. Re-review reuses a stored verdict's result for a rule only when
-- the verdict's pack has exactly one row here, that row names the engine and overrides in force now, and the rule's
-- digest is unchanged (review/ReusePlan); otherwise it evaluates the whole pack as before.
create table rule_pack_basis (
    pack_version     text        not null,
    engine           text        not null,
    overrides_sha256 text        not null,
    rule_digests     text        not null, -- JSON object: rule id -> sha256 of the rule as written (RuleShapes)
    recorded_at      timestamptz not null,
    primary key (pack_version, engine, overrides_sha256)
);

-- the reuse check reads a few top-level sections of each Facts document from the jsonb (jsonb_each detoasts it
-- once); lz4 decompresses several times faster than pglz. Servers without lz4 keep pglz; only new rows change.
do $$
begin
    execute 'alter table facts alter column document set compression lz4';
exception when others then
    raise notice 'lz4 not available (%): facts.document keeps the default compression', sqlerrm;
end
$$;
