-- Live member counts. Each journal transaction adds its net change per segment (one row update per segment per
-- transaction, however many customers entered or left), so a count always matches the members table as of the
-- same commit; a recount locks the row, counts the members and stores the result.
CREATE TABLE segment_counts
(
    workspace_id text   NOT NULL,
    segment_id   text   NOT NULL,
    members      bigint NOT NULL,

    PRIMARY KEY (workspace_id, segment_id)
);
