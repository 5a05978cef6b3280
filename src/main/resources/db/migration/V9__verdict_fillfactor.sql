-- Every re-review run updates reviewed_pack_version/reviewed_at of each unchanged listed app. Those columns are in no
-- index, so the update can be HOT (no new entry in verdict's ~15 indexes, its GIN over findings included) when the
-- row's page has room for the new version. With the default fillfactor 100 pages are full and every such update
-- inserted into all indexes: most of Postgres' CPU in a catalog-wide re-review (docs/benchmarks.md). Applies to
-- pages written from now on; an existing table gains it as rows move (or at once with VACUUM FULL in a quiet window).
alter table verdict set (fillfactor = 80);
