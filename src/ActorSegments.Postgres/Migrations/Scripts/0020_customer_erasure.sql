-- Erasure of customers (DeleteCustomer, docs/privacy.md). None of these tables holds a customer id in the clear except
-- erasure_pending_exits, and that only while an erasure's exits are still visible in the change feed, which holds the
-- same id for the same time.

-- The suppression list: ids erased and not restarted since, by hash (SHA-256 of workspace id, line feed, customer id;
-- ErasedIds.Hash). A customer with nothing stored looks its id up here once when it activates.
CREATE TABLE erased_customers
(
    workspace_id text        COLLATE "C" NOT NULL,
    id_hash      text        NOT NULL,
    erased_at    timestamptz NOT NULL,

    PRIMARY KEY (workspace_id, id_hash)
);

-- The audit log: who erased which id (by hash), when, and how many rows of each table went.
CREATE TABLE customer_erasures
(
    erasure_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text        COLLATE "C" NOT NULL,
    id_hash      text        NOT NULL,
    erased_by    text        NOT NULL, -- the API key id of the call
    erased_at    timestamptz NOT NULL,
    rows         jsonb       NOT NULL  -- table name -> rows deleted or redacted
);

CREATE INDEX ix_customer_erasures_workspace ON customer_erasures (workspace_id, erasure_id);

-- Erasures whose exits stay readable in the change feed until redact_after, so ESP sync jobs can remove the person;
-- the redaction pass then replaces the id in those rows with the erasure's token and deletes the row here.
CREATE TABLE erasure_pending_exits
(
    workspace_id text        COLLATE "C" NOT NULL,
    customer_id  text        COLLATE "C" NOT NULL,
    token        text        NOT NULL,
    redact_after timestamptz NOT NULL,

    PRIMARY KEY (workspace_id, customer_id)
);

CREATE INDEX ix_erasure_pending_exits_due ON erasure_pending_exits (redact_after);

-- An erasure finds a customer's feed rows by id. Without this index it read the whole log; with it, every logged change
-- inserts one more index entry (the log is written by every membership change, so this is its price).
CREATE INDEX ix_membership_log_customer ON membership_log (workspace_id, customer_id);
