-- Grain state snapshots for AdoNetGrainStorage.
--
-- Identity of a row, as the provider computes it: the service id, the *state name* (GrainTypeString, the first
-- argument of [PersistentState], not the grain class), and the key split into two 64-bit numbers plus a string.
-- String grain keys arrive in grain_id_string with n0 = n1 = 0 unless they parse as hex or a GUID (hence the
-- non-hex key prefixes used by this project). Two 32-bit hashes narrow the index lookup.
--
-- Unlike the provider's reference script, the natural key is unique: two activations racing to insert the first
-- version of the same state cannot both succeed, the loser gets a version conflict.
CREATE TABLE orleans_grain_state
(
    grain_id_hash   integer     NOT NULL,
    grain_type_hash integer     NOT NULL,
    service_id      text        NOT NULL,
    grain_type      text        NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    grain_id_string text        NULL,
    payload         bytea       NULL,
    version         integer     NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT uq_orleans_grain_state UNIQUE NULLS NOT DISTINCT
        (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_string)
);

-- Optimistic write. A null expected version means "first write": insert, or report a conflict (null) when a row
-- exists. Otherwise update only when the stored version still equals the expected one. The provider compares the
-- returned version with the one it sent: equal or null means somebody else wrote first.
CREATE FUNCTION orleans_write_grain_state(
    _grain_id_hash integer, _grain_id_n0 bigint, _grain_id_n1 bigint, _grain_type_hash integer,
    _grain_type text, _grain_id_string text, _service_id text, _expected_version integer, _payload bytea)
RETURNS integer
LANGUAGE plpgsql AS
$$
DECLARE
    _new_version integer;
BEGIN
    IF _expected_version IS NULL THEN
        INSERT INTO orleans_grain_state
            (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_string, payload, version)
        VALUES
            (_grain_id_hash, _grain_type_hash, _service_id, _grain_type, _grain_id_n0, _grain_id_n1, _grain_id_string, _payload, 1)
        ON CONFLICT ON CONSTRAINT uq_orleans_grain_state DO NOTHING
        RETURNING version INTO _new_version;
        RETURN _new_version;
    END IF;

    UPDATE orleans_grain_state
       SET payload = _payload, version = version + 1, modified_at = now()
     WHERE grain_id_hash = _grain_id_hash AND grain_type_hash = _grain_type_hash
       AND service_id = _service_id AND grain_type = _grain_type
       AND grain_id_n0 = _grain_id_n0 AND grain_id_n1 = _grain_id_n1
       AND grain_id_string IS NOT DISTINCT FROM _grain_id_string
       AND version = _expected_version
    RETURNING version INTO _new_version;
    RETURN coalesce(_new_version, _expected_version);
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS PayloadBinary, version AS Version
      FROM orleans_grain_state
     WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND grain_id_string IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS text)
$q$),
('WriteToStorageKey', $q$
    SELECT orleans_write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        CAST(@GrainIdExtensionString AS text), @ServiceId, CAST(@GrainStateVersion AS integer), @PayloadBinary)
        AS NewGrainStateVersion
$q$),
('ClearStorageKey', $q$
    UPDATE orleans_grain_state
       SET payload = NULL, version = version + 1, modified_at = now()
     WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND grain_id_string IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS text)
       AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version AS NewGrainStateVersion
$q$),
('DeleteStorageKey', $q$
    DELETE FROM orleans_grain_state
     WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND grain_id_string IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS text)
       AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version + 1 AS NewGrainStateVersion
$q$);
