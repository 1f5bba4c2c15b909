using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Postgres.Journal;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ActorSegments.Postgres.Tests.Counts;

/// <summary>A migrated database with segments defined in workspace "ws", and what the count tests do with it.</summary>
internal static class CountsDatabase
{
    public const long T0 = 1_780_000_000;

    public static async Task<TestDatabase> WithSegmentsAsync(string purpose, params string[] segments)
    {
        var db = await PostgresStorage.MigratedDatabaseAsync(purpose);
        await DefineAsync(db, segments);
        return db;
    }

    public static async Task DefineAsync(TestDatabase db, params string[] segments)
    {
        foreach (var segment in segments)
        {
            await db.ExecuteAsync($"INSERT INTO segment_definitions (workspace_id, segment_id, rule, version, status) VALUES ('ws', '{segment}', 'did(purchase)', 1, 3)");
        }
    }

    /// <summary>
    /// A data source of its own (its own pool, as a silo has), named so its sessions can be told apart; <paramref name="settings"/>
    /// may change the connection string further.
    /// </summary>
    public static NpgsqlDataSource Silo(TestDatabase db, string name, Action<NpgsqlConnectionStringBuilder>? settings = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString) { ApplicationName = name };
        settings?.Invoke(builder);
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public static PostgresCustomerJournal JournalOn(NpgsqlDataSource dataSource, JournalOptions? options = null, TimeProvider? time = null) =>
        new(dataSource, options ?? new JournalOptions(), NullLogger<PostgresCustomerJournal>.Instance, time);

    public static CustomerCommit Change(string customer, string segment, bool entered) =>
        new("ws", customer, [], [new MembershipChange(segment, entered, entered ? T0 : T0 + 1, MembershipCause.Event)], null);

    /// <summary>Runs a journal transaction's count statements for <paramref name="commits"/> on <paramref name="connection"/>.</summary>
    public static async Task AddCountsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, params CustomerCommit[] commits)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        JournalBatchWriter.AddCountDeltas(batch, commits);
        await batch.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static Task<long> SlotRowsAsync(TestDatabase db) => db.ScalarAsync<long>("SELECT count(*) FROM segment_count_slots");
}
