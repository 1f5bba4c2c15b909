using ActorSegments.Postgres.Migrations;
using ActorSegments.Testing;

namespace ActorSegments.Cli.Tests;

public sealed class MigrateCommandTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var console = new CapturedConsole();
        var exit = await CliApplication.RunAsync(args, console.Console, TestContext.Current.CancellationToken);
        return (exit, console.Text);
    }

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryScriptAndSaysSo()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("climigrate");

        var (exit, output) = await RunAsync("migrate", "--connection-string", db.ConnectionString);

        Assert.Equal(0, exit);
        Assert.Contains($"schema is at version {MigrationCatalog.LatestVersion} ({MigrationCatalog.All.Count} applied now)", output, StringComparison.Ordinal);
        Assert.Contains("applied 0001_orleans_query_catalog", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_Twice_SecondRunChangesNothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("clitwice");
        await RunAsync("migrate", "-c", db.ConnectionString);

        var (exit, output) = await RunAsync("migrate", "-c", db.ConnectionString);

        Assert.Equal(0, exit);
        Assert.Contains("(0 applied now)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateStatus_ShowsPendingThenApplied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("clistatus");

        var before = await RunAsync("migrate", "--status", "-c", db.ConnectionString);
        await RunAsync("migrate", "-c", db.ConnectionString);
        var after = await RunAsync("migrate", "--status", "-c", db.ConnectionString);

        Assert.Equal(MigrationCatalog.All.Count, CountOccurrences(before.Output, "pending"));
        Assert.Equal(0, CountOccurrences(after.Output, "pending"));
        Assert.Contains("orleans_clustering", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NoConnectionString_IsAUsageErrorThatSaysWhatToSet()
    {
        var (exit, output) = await RunAsync("migrate");

        Assert.Equal(2, exit);
        Assert.Contains("--connection-string", output, StringComparison.Ordinal);
        Assert.Contains("ActorSegments__Postgres__ConnectionString", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_UnreachableServer_IsUnavailable()
    {
        var port = FreeTcpPort.Next();

        var (exit, output) = await RunAsync("migrate", "-c", $"Host=127.0.0.1;Port={port};Username=x;Timeout=3");

        Assert.Equal(ExitCodes.Unavailable, exit);
        Assert.Contains("migration failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var (exit, _) = await RunAsync("no-such-command");

        Assert.Equal(ExitCodes.Usage, exit);
    }

    private static int CountOccurrences(string text, string word) =>
        text.Split(word, StringSplitOptions.None).Length - 1;
}
