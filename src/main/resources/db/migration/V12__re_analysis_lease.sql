-- The re-analysis job used to claim a batch by deleting it: a replica killed mid-batch lost the rest of its claim
-- until a later re-review queued those uploads again. A claim is now a lease: the rows stay, marked until when
-- their claimer may work on them; each is deleted when done, and a lease that ran out (its replica died) is claimed
-- again by the next run.
alter table re_analysis_request add column claimed_until timestamptz;
