using ActorSegments.Postgres.Migrations;

namespace ActorSegments.Server.Hosting;

/// <summary>
/// With migrations left to a deployment job, checks at start that the job ran: a silo on a schema older than its build
/// would fail later, call by call, on a missing table or column. A newer schema is accepted (migrations are
/// additive), which is what lets old silos keep serving while a rollout replaces them.
/// </summary>
internal sealed partial class SchemaVersionCheck(SchemaMigrator migrator, ILogger<SchemaVersionCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.GetAppliedAsync(cancellationToken);
        var version = applied.Count == 0 ? 0 : applied[^1].Version;
        if (version < MigrationCatalog.LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {version} but this build needs version {MigrationCatalog.LatestVersion}, and " +
                "ActorSegments:Postgres:MigrateOnStart is false: run 'ActorSegments.Server migrate' (or the CLI's 'migrate') first, " +
                "or let the server migrate at start (ActorSegments__Postgres__MigrateOnStart=true).");
        }

        if (version > MigrationCatalog.LatestVersion)
        {
            LogNewerSchema(logger, version, MigrationCatalog.LatestVersion);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database schema is at version {Version}, newer than this build's {Known}: serving on it (migrations are additive); replace this silo with the newer build")]
    private static partial void LogNewerSchema(ILogger logger, int version, int known);
}
