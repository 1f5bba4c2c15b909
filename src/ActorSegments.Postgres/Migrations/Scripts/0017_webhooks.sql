-- Webhook destinations (src/ActorSegments.Domain/Webhooks): each row is written by the destination's one delivery
-- worker in the cluster. cursors holds, per segment, how far the destination has received its changes and the bounds
-- of a message still out; start_cursor applies to segments without an entry.
CREATE TABLE webhook_destinations
(
    workspace_id  text        COLLATE "C" NOT NULL,
    webhook_id    text        COLLATE "C" NOT NULL,
    definition    jsonb       NOT NULL,
    signing_key   bytea       NOT NULL,
    status        smallint    NOT NULL,
    version       integer     NOT NULL,
    start_cursor  text        NOT NULL,
    cursors       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    failing_since timestamptz,
    last_error    text,

    PRIMARY KEY (workspace_id, webhook_id)
);

-- Each destination's recent delivery attempts, newest kept (the worker trims older ones as it appends).
CREATE TABLE webhook_deliveries
(
    workspace_id text        COLLATE "C" NOT NULL,
    webhook_id   text        COLLATE "C" NOT NULL,
    sequence     bigint      GENERATED ALWAYS AS IDENTITY,
    message_id   text        NOT NULL,
    segment_id   text,
    changes      integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    attempt      integer     NOT NULL,
    outcome      smallint    NOT NULL,
    status_code  integer,
    latency_ms   double precision NOT NULL,
    error        text,

    PRIMARY KEY (workspace_id, webhook_id, sequence)
);
