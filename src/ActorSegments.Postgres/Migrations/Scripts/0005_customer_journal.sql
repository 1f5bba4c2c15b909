-- The durable record of customers. The journal is append-only; its key (workspace, customer, sequence) is both the
-- replay index (a customer's entries after its snapshot are one range scan) and a fence: the customer numbers its
-- entries itself, so a second activation of the same customer cannot commit the same sequence twice.
CREATE TABLE customer_journal
(
    workspace_id text        NOT NULL,
    customer_id  text        NOT NULL,
    sequence     bigint      NOT NULL,
    applied_at   bigint      NOT NULL, -- the customer's clock (Unix seconds) when it applied the event
    event_id     text        NOT NULL,
    event_type   text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    body         bytea       NOT NULL, -- the event in the domain's journal format (CustomerEventCodec)
    committed_at timestamptz NOT NULL DEFAULT now(),

    PRIMARY KEY (workspace_id, customer_id, sequence)
);

-- Every enter and exit, in commit order. Positions are assigned when rows are inserted, so a transaction that
-- commits later can hold a smaller position; readers of the feed therefore only read rows whose transaction is
-- older than every transaction still running (txid below the snapshot's xmin), which makes the order final.
CREATE TABLE membership_log
(
    position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text        NOT NULL,
    segment_id   text        NOT NULL,
    customer_id  text        NOT NULL,
    entered      boolean     NOT NULL,
    changed_at   timestamptz NOT NULL,
    cause        smallint    NOT NULL,
    logged_at    timestamptz NOT NULL DEFAULT now(), -- when the change was committed (its transaction's start)
    txid         xid8        NOT NULL DEFAULT pg_current_xact_id()
);

CREATE INDEX ix_membership_log_segment ON membership_log (workspace_id, segment_id, position);

-- The current members of each segment, kept in the same transaction as the log. Customers read their own rows on
-- activation (the committed truth their memberships start from), hence the second index.
CREATE TABLE segment_members
(
    workspace_id text        NOT NULL,
    segment_id   text        NOT NULL,
    customer_id  text        NOT NULL,
    since        timestamptz NOT NULL,

    PRIMARY KEY (workspace_id, segment_id, customer_id)
);

CREATE INDEX ix_segment_members_customer ON segment_members (workspace_id, customer_id);

-- Every customer that ever had an event: what a new segment is evaluated against, paged in key order (byte order,
-- so paging is independent of the server's locale).
CREATE TABLE customers
(
    workspace_id text        NOT NULL,
    customer_id  text        COLLATE "C" NOT NULL,
    first_seen   timestamptz NOT NULL DEFAULT now(),

    PRIMARY KEY (workspace_id, customer_id)
);

-- When each customer next needs to look at its segments with no new event (a window passing, a deadline). Silos
-- sweep the due rows to wake idle customers; claimed_until keeps two silos from waking the same one at once.
CREATE TABLE customer_wakeups
(
    workspace_id  text        NOT NULL,
    customer_id   text        NOT NULL,
    due_at        timestamptz NOT NULL,
    claimed_until timestamptz,

    PRIMARY KEY (workspace_id, customer_id)
);

CREATE INDEX ix_customer_wakeups_due ON customer_wakeups (due_at);
