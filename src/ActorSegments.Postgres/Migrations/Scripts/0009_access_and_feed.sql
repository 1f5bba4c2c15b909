-- Who may call the API. Workspaces are created by an administrator before keys are issued for them; a key is found
-- by its public id and holds only the SHA-256 of its secret. Ids sort in byte order (COLLATE "C"), the same as
-- ordinal string order, whatever the server's locale.
CREATE TABLE workspaces
(
    workspace_id text        COLLATE "C" PRIMARY KEY,
    display_name text        NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE api_keys
(
    key_id       text        COLLATE "C" PRIMARY KEY,
    workspace_id text        COLLATE "C" NOT NULL,
    name         text        NOT NULL,
    scopes       integer     NOT NULL, -- ApiKeyScopes flags
    secret_hash  bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);

CREATE INDEX ix_api_keys_workspace ON api_keys (workspace_id);

-- The feed reads one segment's changes in (txid, position) order from a cursor: one index range scan. It replaces
-- the index by position, which no query used.
CREATE INDEX ix_membership_log_feed ON membership_log (workspace_id, segment_id, txid, position);
DROP INDEX ix_membership_log_segment;

-- Members are paged in ordinal order of customer id. With the column in byte order the primary key serves that
-- order under any server locale, so no second index on the busiest table is needed (rebuilds its indexes once).
ALTER TABLE segment_members ALTER COLUMN customer_id TYPE text COLLATE "C";
