-- Journal retention per workspace (docs/privacy.md): the period, and the progress of the current or last pass. A pass
-- walks the workspace's journal in key order, a bounded batch per transaction; the batch locks this row (FOR UPDATE
-- SKIP LOCKED), so one silo at a time works on a workspace, and the next batch resumes after the key stored here.
CREATE TABLE journal_retention
(
    workspace_id    text        COLLATE "C" PRIMARY KEY,
    retention_days  integer     NOT NULL,
    pass_started_at timestamptz,
    pass_finished_at timestamptz,
    after_customer  text,       -- the last entry examined by the running pass; NULL when no pass runs
    after_sequence  bigint,
    examined        bigint      NOT NULL DEFAULT 0,
    deleted         bigint      NOT NULL DEFAULT 0,
    waiting         bigint      NOT NULL DEFAULT 0 -- customers asked for a snapshot during the pass
);
