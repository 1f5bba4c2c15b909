using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Commands;

public sealed class CustomerAndKeyCommandTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-customers-").FullName;

    [Fact]
    public async Task CustomersShow_PrintsTheProfile()
    {
        await ImportPurchasesAsync("profiles", "c1", "c1");

        var (exit, output) = await server.RunAsync("profiles", "customers", "show", "c1");

        Assert.Equal(0, exit);
        Assert.Contains("customer c1", output, StringComparison.Ordinal);
        Assert.Matches(@"purchase\s+│ 2", output);
        Assert.Contains("repeat_buyer", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomersShow_Unknown_IsNotFound()
    {
        var (exit, output) = await server.RunAsync("profiles", "customers", "show", "nobody");

        Assert.Equal(ExitCodes.NotFound, exit);
        Assert.Contains("error NOT_FOUND", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomersExplain_PrintsEveryConditionWithItsResult()
    {
        await server.RunAsync("explaining", "segments", "create", "repeat", "--rule", "count(purchase) >= 2 and not did(product_viewed)");
        await ImportPurchasesAsync("explaining", "c1", "c1");

        var (exit, output) = await server.RunAsync("explaining", "customers", "explain", "c1", "--segment", "repeat");

        Assert.Equal(0, exit);
        Assert.Contains("repeat: matches (member)", output, StringComparison.Ordinal);
        Assert.Matches(@"✓ count\(purchase\) >= 2\s+value 2", output);
    }

    [Fact]
    public async Task CustomersAlias_LinksTheAnonymousIdIntoTheKnownCustomer_ARetryIsAlreadyLinked()
    {
        await ImportPurchasesAsync("aliasing", "anon", "anon", "known");

        var (exit, output) = await server.RunAsync("aliasing", "customers", "alias", "--previous", "anon", "--customer", "known", "--link", "l-1");
        var (retryExit, retry) = await server.RunAsync("aliasing", "customers", "alias", "--previous", "anon", "--customer", "known", "--link", "l-1");
        var (_, profile) = await server.RunAsync("aliasing", "customers", "show", "anon");

        Assert.Equal((0, 0), (exit, retryExit));
        Assert.Contains("linked: anon -> known (2 events moved)", output, StringComparison.Ordinal);
        Assert.Contains("already linked: anon -> known (0 events moved)", retry, StringComparison.Ordinal);
        Assert.Matches(@"purchase\s+│ 3", profile);
    }

    [Fact]
    public async Task CustomersAlias_SameIds_IsRejectedNamingTheField()
    {
        var (exit, output) = await server.RunAsync("aliasing", "customers", "alias", "--previous", "x", "--customer", "x", "--link", "l-1");

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("previous_id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomersDelete_ErasesTheCustomerAndPrintsWhatWent()
    {
        await ImportPurchasesAsync("erasing", "c1", "c1");

        var (exit, output) = await server.RunAsync("erasing", "customers", "delete", "--customer", "c1");
        var (showExit, _) = await server.RunAsync("erasing", "customers", "show", "c1");
        var (againExit, again) = await server.RunAsync("erasing", "customers", "delete", "--customer", "c1");

        Assert.Equal(0, exit);
        Assert.Contains("Erased: left 0 segments", output, StringComparison.Ordinal);
        Assert.Contains("customer_journal: 2", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, showExit);
        Assert.Equal(0, againExit);
        Assert.Contains("(it was erased before)", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_CreateListRevoke_TheNewKeyReadsUntilRevoked()
    {
        const string Workspace = "keyed";
        var (created, _) = await server.RunAsync(Workspace, "workspaces", "create", Workspace);
        var (exit, output) = await server.RunAsync(Workspace, "keys", "create", "--name", "sync-job", "--scopes", "read");
        var secret = output.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => !l.StartsWith("secret", StringComparison.Ordinal)).Skip(1).First().Trim();

        var (readExit, _) = await server.RunAsync(Workspace, "segments", "list", "--api-key", secret);
        var (adminExit, adminOutput) = await server.RunAsync(Workspace, "keys", "list", "--api-key", secret);
        var (listExit, list) = await server.RunAsync(Workspace, "keys", "list");
        using var connection = server.Connect(Workspace);
        var keyId = (await connection.Admin.ListApiKeysAsync(new ListApiKeysRequest { WorkspaceId = Workspace }, cancellationToken: TestContext.Current.CancellationToken)).Keys.Single().KeyId;
        var (revokeExit, revoked) = await server.RunAsync(Workspace, "keys", "revoke", keyId);
        var after = (await connection.Admin.ListApiKeysAsync(new ListApiKeysRequest { WorkspaceId = Workspace }, cancellationToken: TestContext.Current.CancellationToken)).Keys.Single();

        Assert.Equal(0, created);
        Assert.Equal(0, exit);
        Assert.Equal(0, readExit);
        Assert.Equal(ExitCodes.Denied, adminExit);
        Assert.Contains("PERMISSION_DENIED", adminOutput, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.Contains("sync-job", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Equal(0, revokeExit);
        Assert.Contains($"revoked {keyId}", revoked, StringComparison.Ordinal);
        Assert.NotNull(after.RevokedAt);
    }

    [Fact]
    public async Task NoKey_IsDeniedWithExitCodeFive()
    {
        using var console = new CapturedConsole();

        var exit = await CliApplication.RunAsync(["segments", "list", "--server", server.Address, "--workspace", "anyone"], console.Console, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Denied, exit);
        Assert.Contains("UNAUTHENTICATED", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServer_IsUnavailableWithTheAddress()
    {
        using var console = new CapturedConsole();
        var address = $"http://127.0.0.1:{ActorSegments.Testing.FreeTcpPort.Next()}";

        var exit = await CliApplication.RunAsync(["segments", "list", "--server", address], console.Console, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Unavailable, exit);
        Assert.Contains($"cannot reach the server at {address}", console.Text, StringComparison.Ordinal);
    }

    private async Task ImportPurchasesAsync(string workspace, params string[] customers)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        var lines = customers.Select((c, i) => $"{c},2024-05-0{1 + i}T10:00:00Z");
        await File.WriteAllLinesAsync(file, ["customer,time", .. lines], TestContext.Current.CancellationToken);
        var (exit, output) = await server.RunAsync(workspace, "import", "--file", file, "--customer-column", "customer", "--time-column", "time", "--type", "purchase");
        Assert.True(exit == 0, output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
