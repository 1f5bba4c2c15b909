-- Count deltas by slot. Before this, every journal transaction added its net change per segment to the segment's one
-- row in segment_counts and held that row's lock until its commit was flushed, so concurrent journal transactions
-- (several per silo, on every silo) took turns on the same rows. Now each transaction adds its change to its own row
-- here: the slot is the PostgreSQL backend (pg_backend_pid()) of the transaction's connection, and two running
-- transactions never share a backend, so no two of them ever update the same row.
--
-- A segment's count is its segment_counts row (the base, "slot 0") plus the sum of its rows here; the view below
-- adds them up. Rows of backends that have ended are folded into the base now and then (one transaction moves each
-- row's members into the base and deletes it, so the sum never changes), which keeps this table to about one row per
-- segment and live backend. A recount takes the segment's advisory lock exclusively (journal transactions take it
-- shared, so they never wait on each other), deletes the segment's rows here and stores the members it counted in
-- the base.
--
-- segment_counts keeps its layout and its rows, so an upgrade moves nothing and loses nothing, and silos of the
-- previous version still write their changes to the base while a rolling upgrade replaces them (their counts read
-- the base alone until then).
CREATE TABLE segment_count_slots
(
    workspace_id text    NOT NULL,
    segment_id   text    NOT NULL,
    slot         integer NOT NULL,
    members      bigint  NOT NULL,

    PRIMARY KEY (workspace_id, segment_id, slot)
);

CREATE VIEW segment_count_totals AS
SELECT workspace_id, segment_id, sum(members)::bigint AS members
FROM (SELECT workspace_id, segment_id, members FROM segment_counts
      UNION ALL
      SELECT workspace_id, segment_id, members FROM segment_count_slots) AS parts
GROUP BY workspace_id, segment_id;
