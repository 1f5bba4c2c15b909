-- Segment definitions and schemas per workspace. Every schema change and every create, edit and delete of a
-- segment raises the workspace's version, which silos poll to keep their compiled copy current.
CREATE TABLE segment_definitions
(
    workspace_id   text        NOT NULL,
    segment_id     text        NOT NULL,
    rule           text        NOT NULL,
    version        integer     NOT NULL,
    status         smallint    NOT NULL, -- 1 pending, 2 backfilling, 3 live
    backfill_done  bigint      NOT NULL DEFAULT 0,
    backfill_total bigint      NOT NULL DEFAULT 0,
    backfill_after text        COLLATE "C", -- the last customer evaluated, so a backfill resumes after a restart
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),

    PRIMARY KEY (workspace_id, segment_id)
);

CREATE TABLE workspace_definitions
(
    workspace_id text   PRIMARY KEY,
    version      bigint NOT NULL,
    schema       text -- the workspace schema document; NULL means the built-in commerce schema
);
