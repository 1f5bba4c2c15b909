-- Rows of an older feature layout (CustomerFeatures.Version) are found through this index, in (version, customer_id)
-- order, so a layout upgrade pages through them without reading the workspace's current rows, and checking a
-- workspace for stale rows once all are current costs one index probe. Updates that keep the version (nearly all) stay
-- HOT, as the indexed columns do not change.
CREATE INDEX customer_features_version ON customer_features (workspace_id, version, customer_id);
