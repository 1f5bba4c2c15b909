-- Customers' snapshots, owned by the journal: written by the same group-commit transactions as the entries (a commit
-- that makes one due carries it), and read in the same statement as the entries after it, the memberships and the
-- wake-up. They replace the rows customers kept in Orleans' grain storage (orleans_grain_state), which needed a second
-- read on every activation and a write of their own; the server imports those rows once at its first start on this
-- schema. A snapshot is a cache: without one a customer rebuilds from its whole journal.
CREATE TABLE customer_snapshots
(
    workspace_id text        NOT NULL,
    customer_id  text        NOT NULL,
    sequence     bigint      NOT NULL, -- the last journal entry the snapshot includes
    body         bytea       NOT NULL, -- CustomerSnapshotCodec
    written_at   timestamptz NOT NULL DEFAULT now(),

    PRIMARY KEY (workspace_id, customer_id)
);
