using ActorSegments.Protos.V1;
using ActorSegments.Server.Hosting;
using ActorSegments.Testing;

namespace ActorSegments.Server.Tests;

/// <summary><c>ActorSegments.Server migrate</c>: the deployment's migration step, run by the same image that serves.</summary>
public sealed class MigrateVerbTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_AppliesTheSchema_SoServersStartWithoutMigrating_AndIsIdempotent()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("migrate-verb");
        string[] args = [MigrateOnlyCommand.Verb, $"--ActorSegments:Postgres:ConnectionString={db.ConnectionString}"];

        Assert.Equal(0, await MigrateOnlyCommand.RunAsync(args, Ct));
        Assert.Equal(0, await MigrateOnlyCommand.RunAsync(args, Ct));

        await using var server = await RunningServer.StartAsync([.. RunningServer.OnPostgres(db), ("ActorSegments:Postgres:MigrateOnStart", "false")]);
        var answer = await server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(Events.NewCustomerId(), "purchase") }, cancellationToken: Ct);
        Assert.Equal(EventOutcome.Applied, answer.Outcome);
    }

    [Fact]
    public async Task Migrate_WithoutAConnectionString_ExitsWithTheUsageCode()
    {
        Assert.True(MigrateOnlyCommand.IsRequested(["migrate"]));
        Assert.False(MigrateOnlyCommand.IsRequested(["--migrate"]));
        Assert.Equal(2, await MigrateOnlyCommand.RunAsync([MigrateOnlyCommand.Verb], Ct));
    }

    [Fact]
    public async Task AServerToldNotToMigrate_RefusesToStartOnAnUnmigratedDatabaseNamingTheFix()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("not-migrated");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningServer.StartAsync([.. RunningServer.OnPostgres(db), ("ActorSegments:Postgres:MigrateOnStart", "false")]));

        Assert.Contains("schema is at version 0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ActorSegments.Server migrate", refused.Message, StringComparison.Ordinal);
    }
}
