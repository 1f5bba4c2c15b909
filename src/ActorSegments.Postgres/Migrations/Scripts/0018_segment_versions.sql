-- Every saved version of each segment's rule, so a marketer can see how a segment changed and what it meant before.
-- Written in the save's transaction; removed with the segment (a segment created again under the id starts at 1).
CREATE TABLE segment_versions
(
    workspace_id text        NOT NULL,
    segment_id   text        NOT NULL,
    version      integer     NOT NULL,
    rule         text        NOT NULL,
    saved_at     timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, version)
);

-- Segments saved before this table existed keep their current version as their first known one.
INSERT INTO segment_versions (workspace_id, segment_id, version, rule, saved_at)
SELECT workspace_id, segment_id, version, rule, updated_at FROM segment_definitions;
