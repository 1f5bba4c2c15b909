using ActorSegments.Postgres.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ActorSegments.MemberRows;

/// <summary>
/// The benchmark's database: migrated by the product's migrator, the segments defined in one workspace, and a scratch
/// schema with copies of the journal transaction's tables (same columns, defaults, identity and indexes) for the
/// plain-SQL variants, so leaving a statement out never touches the product's tables.
/// </summary>
internal sealed class BenchDatabase(NpgsqlDataSource control, string connectionString)
{
    public const string Scratch = "member_rows_scratch";

    private static readonly string[] Written =
        ["customer_journal", "membership_log", "segment_members", "customers", "customer_wakeups", "segment_count_slots"];

    public string ConnectionString { get; } = connectionString;

    public static async Task<BenchDatabase> CreateAsync(string server, string database, string workspace, int segments)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{database}\"");
            await drop.ExecuteNonQueryAsync();
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var control = NpgsqlDataSource.Create(target);
        await new SchemaMigrator(control, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        for (var s = 0; s < segments; s++)
        {
            await using var define = control.CreateCommand("INSERT INTO segment_definitions (workspace_id, segment_id, rule, version, status) VALUES ($1, $2, 'did(purchase)', 1, 3)");
            define.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspace });
            define.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CommitShape.SegmentId(s) });
            await define.ExecuteNonQueryAsync();
        }

        var copies = string.Join('\n', Written.Append("segment_definitions").Select(t => $"CREATE TABLE {Scratch}.{t} (LIKE public.{t} INCLUDING ALL);"));
        await using (var scratch = control.CreateCommand($"""
            CREATE SCHEMA {Scratch};
            {copies}
            INSERT INTO {Scratch}.segment_definitions SELECT * FROM public.segment_definitions;
            """))
        {
            await scratch.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(control, target);
    }

    /// <summary>Empties what the runs write and checkpoints, so each run starts from the same tables and WAL state.</summary>
    public async Task ResetAsync()
    {
        var tables = string.Join(", ", Written.SelectMany(t => new[] { $"public.{t}", $"{Scratch}.{t}" }));
        await using (var truncate = control.CreateCommand($"TRUNCATE {tables}"))
        {
            await truncate.ExecuteNonQueryAsync();
        }

        await using var checkpoint = control.CreateCommand("CHECKPOINT");
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>Bytes of WAL written so far (the current insert position).</summary>
    public async Task<long> WalPositionAsync()
    {
        await using var command = control.CreateCommand("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn");
        return (long)(decimal)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows of the journal, the log and the wake-ups a run left in the schema it wrote to.</summary>
    public async Task<(long Journal, long Log, long WakeUps)> RowsAsync(string schema)
    {
        await using var command = control.CreateCommand(
            $"SELECT (SELECT count(*) FROM {schema}.customer_journal), (SELECT count(*) FROM {schema}.membership_log), (SELECT count(*) FROM {schema}.customer_wakeups)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
