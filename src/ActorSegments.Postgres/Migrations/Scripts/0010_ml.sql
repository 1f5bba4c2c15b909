-- Machine learning state. Ids sort in byte order (COLLATE "C"), the same as ordinal string order, so the primary keys
-- serve the customer-ordered reads under any server locale.

-- One feature row per customer, rewritten whenever the customer changes: a derived cache of the behavioral state that
-- training reads instead of activating every customer. Rows of another layout version are ignored by readers until
-- their customer rewrites them. Updates never touch the key, so free space on each page lets them stay on it (HOT).
CREATE TABLE customer_features
(
    workspace_id text    COLLATE "C" NOT NULL,
    customer_id  text    COLLATE "C" NOT NULL,
    version      integer NOT NULL, -- CustomerFeatures.Version of the layout of features
    as_of        bigint  NOT NULL, -- Unix seconds the values were computed at; an older row never replaces a newer one
    features     real[]  NOT NULL,

    PRIMARY KEY (workspace_id, customer_id)
) WITH (fillfactor = 80);

-- Cohort refreshes: the whole run as JSON (it is read and written whole), with what lists and lookups filter on.
CREATE TABLE cohort_runs
(
    workspace_id text        COLLATE "C" NOT NULL,
    run_id       bigint      NOT NULL,
    status       smallint    NOT NULL, -- CohortRunStatus
    started_at   timestamptz NOT NULL,
    record       jsonb       NOT NULL,

    PRIMARY KEY (workspace_id, run_id)
);

-- The last run id handed out per workspace: ids are taken before a run is first saved, so the runs table alone
-- cannot say which ones are taken.
CREATE TABLE cohort_run_ids
(
    workspace_id text   COLLATE "C" PRIMARY KEY,
    last_run_id  bigint NOT NULL
);

-- Each customer's cohort from the last succeeded run, replaced whole by the next one.
CREATE TABLE cohort_assignments
(
    workspace_id   text   COLLATE "C" NOT NULL,
    customer_id    text   COLLATE "C" NOT NULL,
    cohort_id      text   NOT NULL,
    features_as_of bigint NOT NULL, -- as_of of the feature row the cohort was computed from

    PRIMARY KEY (workspace_id, customer_id)
);

CREATE TABLE cohort_settings
(
    workspace_id text  COLLATE "C" PRIMARY KEY,
    settings     jsonb NOT NULL
);

-- Trained models, every version kept: versions count 1, 2, 3, ... per (workspace, name), so the latest is one
-- backward step on the primary key.
CREATE TABLE ml_models
(
    workspace_id text        COLLATE "C" NOT NULL,
    name         text        COLLATE "C" NOT NULL,
    version      integer     NOT NULL,
    kind         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    metrics      jsonb       NOT NULL,
    payload      bytea       NOT NULL,

    PRIMARY KEY (workspace_id, name, version)
);
