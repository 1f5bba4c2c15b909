using ActorSegments.Postgres.Features;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Modeling;
using ActorSegments.Testing.Storage.Modeling;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests.Modeling;

/// <summary>The PostgreSQL machine learning stores on a fresh, migrated database, for their contract tests.</summary>
public sealed class PostgresModelingStorage : IModelingStorageFactory
{
    public static async Task<ModelingStorageUnderTest> StartAsync(string purpose)
    {
        var db = await PostgresStorage.MigratedDatabaseAsync(purpose);
        var source = db.DataSource;
        var journal = new PostgresCustomerJournal(source, new JournalOptions(), NullLogger<PostgresCustomerJournal>.Instance);
        return new ModelingStorageUnderTest
        {
            Journal = journal,
            Scan = new PostgresJournalScan(source),
            Features = new PostgresFeatureStore(source),
            Cohorts = new PostgresCohortStore(source),
            Models = new PostgresModelStore(source),
            Webhooks = new Webhooks.PostgresWebhookStore(source),
            Release = async () =>
            {
                await journal.DisposeAsync();
                await db.DisposeAsync();
            },
        };
    }
}
