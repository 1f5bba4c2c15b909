-- Journal records are typed (format 2 of the journal codec, JournalRecordCodec): a behavioral event, a trait update
-- or a model output. kind says which (0, 1, 2: JournalRecordKind); event_type holds a behavioral event's type and is
-- NULL for the other kinds. Earlier releases stored those as events of the reserved types '$identify' and '$model':
-- their rows are marked here, and their bodies stay in format 1, which the codec still reads.
--
-- Cheap on a large journal: adding a column with a constant default and dropping NOT NULL change only the catalog
-- (no rewrite), and the UPDATE writes only the rows of the two reserved types (it reads the table once to find them).
ALTER TABLE customer_journal ADD COLUMN kind smallint NOT NULL DEFAULT 0;
ALTER TABLE customer_journal ALTER COLUMN event_type DROP NOT NULL;

UPDATE customer_journal
SET kind = CASE event_type WHEN '$identify' THEN 1 ELSE 2 END, event_type = NULL
WHERE event_type IN ('$identify', '$model');

-- Checked for rows written from now on only (NOT VALID), so adding it scans nothing either.
ALTER TABLE customer_journal ADD CONSTRAINT customer_journal_kind
    CHECK (kind BETWEEN 0 AND 2 AND (kind = 0) = (event_type IS NOT NULL)) NOT VALID;
