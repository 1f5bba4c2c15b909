-- Journal records gain a fifth kind: the link of two ids into one customer (4: JournalRecordKind.AliasLink; see
-- docs/identity.md). Like a trait update it has no event_type. The check is replaced for rows written from now on only
-- (NOT VALID), so neither statement scans the journal.
ALTER TABLE customer_journal DROP CONSTRAINT customer_journal_kind;
ALTER TABLE customer_journal ADD CONSTRAINT customer_journal_kind
    CHECK (kind BETWEEN 0 AND 4 AND (kind = 0) = (event_type IS NOT NULL)) NOT VALID;
