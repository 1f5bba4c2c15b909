using ActorSegments.Postgres.Migrations;

namespace ActorSegments.Server.Hosting;

/// <summary>Applies pending schema migrations at start, before the silo starts.</summary>
internal sealed class SchemaMigrationService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
