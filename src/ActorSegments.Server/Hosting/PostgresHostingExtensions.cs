using ActorSegments.Postgres;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Server.Configuration;

namespace ActorSegments.Server.Hosting;

internal static class PostgresHostingExtensions
{
    /// <summary>
    /// One pooled data source for the whole process (Orleans providers and the application's own queries), the
    /// storage on it (the journal with <paramref name="journal"/>'s limits), and the schema migration that must finish
    /// before the silo's providers read their queries.
    /// </summary>
    public static IHostApplicationBuilder AddActorSegmentsPostgres(this IHostApplicationBuilder builder, PostgresOptions postgres, JournalOptions journal)
    {
        if (!postgres.IsConfigured)
        {
            return builder;
        }

        builder.Services.AddActorSegmentsPostgresStorage(journal);
        builder.Services.AddSingleton(_ => PostgresDataSource.Create(postgres.ConnectionString, "actorsegments"));
        builder.Services.AddSingleton<SchemaMigrator>();
        if (postgres.MigrateOnStart)
        {
            // Registered before the silo: hosted services start in registration order, and Orleans' ADO.NET
            // providers read their stored queries when the silo starts.
            builder.Services.AddHostedService<SchemaMigrationService>();
        }
        else
        {
            builder.Services.AddHostedService<SchemaVersionCheck>();
        }

        // After the schema is known to be current, before the silo starts and customers read their snapshots.
        builder.Services.AddSingleton<LegacySnapshotRows>();
        builder.Services.AddHostedService<LegacySnapshotImport>();

        return builder;
    }
}
