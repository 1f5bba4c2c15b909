namespace ActorSegments.Cli.Tests.Commands;

/// <summary>The <c>webhooks</c> commands against a dev server.</summary>
public sealed class WebhookCommandTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Webhooks_CreateListTestDeliveriesPauseAndDelete()
    {
        const string Workspace = "cli-webhooks";
        await server.RunAsync(Workspace, "segments", "create", "buyers", "--rule", "did(purchase)");

        // An internal address is accepted as a URL but never reached: the test fire is refused and logged.
        var (createExit, created) = await server.RunAsync(Workspace, "webhooks", "create", "crm", "--url", "https://10.1.2.3/hooks", "--segments", "buyers", "--kinds", "enter", "exit", "--batch-size", "20");
        var (badExit, bad) = await server.RunAsync(Workspace, "webhooks", "create", "bad", "--url", "ftp://hooks.example.com/x", "--batch-size", "5000");
        var (listExit, listed) = await server.RunAsync(Workspace, "webhooks", "list");
        var (testExit, tested) = await server.RunAsync(Workspace, "webhooks", "test", "crm");
        var (logExit, log) = await server.RunAsync(Workspace, "webhooks", "deliveries", "crm");
        var (pauseExit, paused) = await server.RunAsync(Workspace, "webhooks", "pause", "crm");
        var (deleteExit, _) = await server.RunAsync(Workspace, "webhooks", "delete", "crm");
        var (goneExit, _) = await server.RunAsync(Workspace, "webhooks", "show", "crm");

        Assert.True(createExit == 0, created);
        Assert.Contains("secret: whsec_", created, StringComparison.Ordinal);
        Assert.Contains("20 changes or 5 s", created, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, badExit);
        Assert.Contains("webhook.url", bad, StringComparison.Ordinal);
        Assert.Contains("webhook.batch_size", bad, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.Contains("crm", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", listed, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, testExit);
        Assert.Contains("10.1.2.3 is an internal address", tested, StringComparison.Ordinal);
        Assert.Equal(0, logExit);
        Assert.Contains("refused", log, StringComparison.Ordinal);
        Assert.Equal(0, pauseExit);
        Assert.Contains("paused", paused, StringComparison.Ordinal);
        Assert.Equal(0, deleteExit);
        Assert.Equal(ExitCodes.NotFound, goneExit);
    }
}
