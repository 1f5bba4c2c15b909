-- Journal records gain a fourth kind: an experiment assignment (3: JournalRecordKind.ExperimentAssignment). Like a
-- trait update or a model output it has no event_type. The check is replaced, again for rows written from now on only
-- (NOT VALID), so neither statement scans the journal.
ALTER TABLE customer_journal DROP CONSTRAINT customer_journal_kind;
ALTER TABLE customer_journal ADD CONSTRAINT customer_journal_kind
    CHECK (kind BETWEEN 0 AND 3 AND (kind = 0) = (event_type IS NOT NULL)) NOT VALID;
