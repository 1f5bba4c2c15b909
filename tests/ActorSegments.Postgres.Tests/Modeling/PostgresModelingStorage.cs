using ActorSegments.Postgres.Features;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Modeling;
using ActorSegments.Testing.Storage.Modeling;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

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
            UpsertFeaturesInLayout = async (workspaceId, rows, version) =>
            {
                foreach (var row in rows)
                {
                    await using var command = source.CreateCommand("""
                        INSERT INTO customer_features VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (workspace_id, customer_id) DO UPDATE SET version = $3, as_of = $4, features = $5
                        """);
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.CustomerId });
                    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.AsOf });
                    command.Parameters.Add(new NpgsqlParameter<float[]> { TypedValue = row.Values });
                    await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
                }
            },
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
