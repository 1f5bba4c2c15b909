using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActorSegments.Postgres.Migrations;

/// <summary>
/// Brings a database to this build's schema: applies each pending script in its own transaction together with its
/// row in <c>actorsegments_schema_version</c>, so a script is either fully applied and recorded or not at all.
/// Several silos may start at once; a session advisory lock lets exactly one migrate while the others wait and then
/// find nothing to do.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    public const string VersionTable = "actorsegments_schema_version";

    // Arbitrary but fixed: the advisory lock id every ActorSegments migrator agrees on ("ActSeg01" as ASCII).
    private const long AdvisoryLockId = 0x4163745365673031;

    private readonly IReadOnlyList<Migration> _migrations = MigrationCatalog.All;

    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(_migrations.Count, cancellationToken);

    /// <summary>Applies the pending scripts up to <paramref name="targetVersion"/>: a database as an earlier build left it.</summary>
    internal async Task<MigrationReport> MigrateAsync(int targetVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockId})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, CreateVersionTableSql, cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
            var pending = SelectPending(applied).Where(m => m.Version <= targetVersion).ToList();
            foreach (var migration in pending)
            {
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
            }

            var version = pending.Count > 0 ? pending[^1].Version : applied.Count > 0 ? applied[^1].Version : 0;
            LogSchemaCurrent(version, pending.Count);
            return new MigrationReport(pending, version);
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockId})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The scripts recorded as applied, oldest first (empty for a database that was never migrated).</summary>
    public async Task<IReadOnlyList<AppliedMigration>> GetAppliedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", VersionTable);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
            ? await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false)
            : [];
    }

    private List<Migration> SelectPending(IReadOnlyList<AppliedMigration> applied)
    {
        for (var i = 0; i < applied.Count; i++)
        {
            var row = applied[i];
            if (row.Version != i + 1)
            {
                throw new SchemaMismatchException(
                    $"{VersionTable} is missing version {i + 1} (next recorded is {row.Version}); it was edited by hand. Restore it before migrating.");
            }

            if (row.Version > _migrations.Count)
            {
                throw new SchemaMismatchException(
                    $"The database schema is at version {applied[^1].Version} but this build only knows versions up to {_migrations.Count}. " +
                    "Run a build at least as new as the one that migrated this database.");
            }

            var known = _migrations[row.Version - 1];
            if (!string.Equals(known.Checksum, row.Checksum, StringComparison.Ordinal))
            {
                throw new SchemaMismatchException(
                    $"Migration {row.Version:D4}_{row.Name} was applied with checksum {row.Checksum}, but this build's script has {known.Checksum}. " +
                    "Applied scripts must never be edited; add a new numbered script instead.");
            }
        }

        return _migrations.Skip(applied.Count).ToList();
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        LogApplying(migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand(
            $"INSERT INTO {VersionTable} (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version, name, checksum, applied_at FROM {VersionTable} ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string CreateVersionTableSql = $"""
        CREATE TABLE IF NOT EXISTS {VersionTable}
        (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying schema migration {Version}: {Name}")]
    private partial void LogApplying(int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at version {Version} ({Applied} migrations applied now)")]
    private partial void LogSchemaCurrent(int version, int applied);
}
