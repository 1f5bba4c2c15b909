-- Campaign tests and experiments (src/ActorSegments.Domain/Experiments).
--
-- experiment_definitions holds each experiment's definition (its stored JSON form, ExperimentDefinitionJson) and
-- where it stands. Customers read the running ones with the workspace's segment definitions.
CREATE TABLE experiment_definitions
(
    workspace_id  text        NOT NULL,
    experiment_id text        NOT NULL,
    definition    jsonb       NOT NULL,
    status        smallint    NOT NULL,
    version       integer     NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    stopped_at    timestamptz,

    PRIMARY KEY (workspace_id, experiment_id)
);

-- The running totals of every arm, per hour of assignment (Unix seconds at the hour's start, so a reader can take only
-- customers whose measurement window is over): assignments (metric '') and, per metric, conversions and the sum and
-- sum of squares of per-customer amounts. Journal transactions add their customers'
-- deltas here in the same transaction as the journal entries that caused them, so the totals are exact at every
-- commit. Like segment_count_slots (0012), each transaction adds to the rows of its own backend (slot), so no two
-- running transactions update the same row; an experiment's totals are the sum over its slots, a few rows per arm
-- whatever the number of customers.
CREATE TABLE experiment_total_slots
(
    workspace_id  text             NOT NULL,
    experiment_id text             NOT NULL,
    arm           text             NOT NULL,
    metric        text             NOT NULL,
    assigned_hour bigint           NOT NULL,
    slot          integer          NOT NULL,
    customers     bigint           NOT NULL,
    conversions   bigint           NOT NULL,
    amount        double precision NOT NULL,
    amount_sq     double precision NOT NULL,

    PRIMARY KEY (workspace_id, experiment_id, arm, metric, assigned_hour, slot)
);
