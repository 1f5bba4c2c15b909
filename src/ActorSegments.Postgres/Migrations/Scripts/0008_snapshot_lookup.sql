-- Backfills read many customers' snapshots at once by key; the provider's own lookups go through the hashes.
CREATE INDEX ix_orleans_grain_state_key ON orleans_grain_state (service_id, grain_type, grain_id_string);
