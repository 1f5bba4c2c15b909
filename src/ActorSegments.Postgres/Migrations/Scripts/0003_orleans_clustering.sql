-- Cluster membership for AdoNetClustering (silos) and the gateway list (clients).
--
-- One version row per deployment (ClusterId) acts as the table-wide ETag: every insert or update of a member row
-- must name the version it read and bumps it, so two silos cannot both act on a stale view of the cluster.
CREATE TABLE orleans_membership_version
(
    deployment_id text           NOT NULL PRIMARY KEY,
    version       integer        NOT NULL DEFAULT 0,
    changed_at    timestamptz(3) NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation). Status follows Orleans' SiloStatus:
-- 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.
CREATE TABLE orleans_membership
(
    deployment_id   text           NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)    NOT NULL,
    port            integer        NOT NULL,
    generation      integer        NOT NULL,
    silo_name       text           NOT NULL,
    host_name       text           NOT NULL,
    status          integer        NOT NULL,
    proxy_port      integer        NULL,
    suspect_times   text           NULL,
    start_time      timestamptz(3) NOT NULL,
    i_am_alive_time timestamptz(3) NOT NULL,

    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Raised inside the functions below to undo a half-done change when the table version moved; caught at once.
-- SQLSTATE class "AS" is not used by PostgreSQL.
CREATE FUNCTION orleans_insert_membership(
    _deployment_id text, _address text, _port integer, _generation integer, _silo_name text, _host_name text,
    _status integer, _proxy_port integer, _start_time timestamptz, _i_am_alive_time timestamptz, _version integer)
RETURNS integer
LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    VALUES
        (_deployment_id, _address, _port, _generation, _silo_name, _host_name, _status, _proxy_port, _start_time, _i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = _deployment_id AND version = _version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'membership version % is stale', _version USING ERRCODE = 'AS409';
    END IF;
    RETURN 1;
EXCEPTION
    WHEN SQLSTATE 'AS409' THEN
        RETURN 0;
END
$$;

CREATE FUNCTION orleans_update_membership(
    _deployment_id text, _address text, _port integer, _generation integer, _status integer,
    _suspect_times text, _i_am_alive_time timestamptz, _version integer)
RETURNS integer
LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = _deployment_id AND version = _version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership
       SET status = _status, suspect_times = _suspect_times, i_am_alive_time = _i_am_alive_time
     WHERE deployment_id = _deployment_id AND address = _address AND port = _port AND generation = _generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'silo %:%@% is not a member', _address, _port, _generation USING ERRCODE = 'AS409';
    END IF;
    RETURN 1;
EXCEPTION
    WHEN SQLSTATE 'AS409' THEN
        RETURN 0;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM inserted
$q$),
('InsertMembershipKey', $q$
    SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
        @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$q$),
('UpdateMembershipKey', $q$
    SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version)
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership
       SET i_am_alive_time = @IAmAliveTime
     WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
('MembershipReadRowKey', $q$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
      FROM orleans_membership_version v
      LEFT JOIN orleans_membership m
        ON m.deployment_id = v.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadAllKey', $q$
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
      FROM orleans_membership_version v
      LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
      FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$q$);
