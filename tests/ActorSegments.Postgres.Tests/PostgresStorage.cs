using ActorSegments.Postgres.Access;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Postgres.Segments;
using ActorSegments.Testing;
using ActorSegments.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests;

/// <summary>The PostgreSQL storage on a fresh, migrated database, for the storage contract tests.</summary>
public sealed class PostgresStorage : IStorageFactory
{
    public static async Task<StorageUnderTest> StartAsync(string purpose)
    {
        var db = await MigratedDatabaseAsync(purpose);
        var source = db.DataSource;
        var journal = new PostgresCustomerJournal(source, new JournalOptions(), NullLogger<PostgresCustomerJournal>.Instance);
        return new StorageUnderTest
        {
            Journal = journal,
            Definitions = new PostgresSegmentDefinitionStore(source),
            Feed = new PostgresMembershipFeed(source),
            Registry = new PostgresCustomerRegistry(source),
            Members = new PostgresSegmentMembers(source),
            Keys = new PostgresApiKeyStore(source),
            Workspaces = new PostgresWorkspaceDirectory(source),
            Erasure = new ActorSegments.Postgres.Privacy.PostgresCustomerErasure(source),
            Retention = new ActorSegments.Postgres.Privacy.PostgresJournalRetention(source),
            Catalog = new ActorSegments.Postgres.Catalog.PostgresCatalogStore(source),
            SettleAsync = () => SettledAsync(db),
            Release = async () =>
            {
                await journal.DisposeAsync();
                await db.DisposeAsync();
            },
        };
    }

    public static async Task<TestDatabase> MigratedDatabaseAsync(string purpose, string? collation = null)
    {
        var db = await TestPostgres.CreateDatabaseAsync(purpose, collation);
        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>Waits until no logged change is held back by a transaction still running (of this test or another).</summary>
    public static Task SettledAsync(TestDatabase db) => Eventually.ReturnsAsync(
        () => db.ScalarAsync<bool>("SELECT NOT EXISTS (SELECT 1 FROM membership_log WHERE txid >= pg_snapshot_xmin(pg_current_snapshot()))"),
        settled => settled);
}
