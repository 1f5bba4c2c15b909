namespace ActorSegments.Cli.Tests.Commands;

public sealed class CohortAndModelCommandTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-cohorts-").FullName;

    [Fact]
    public async Task Cohorts_RefreshWaitListRenameAndSettings()
    {
        const string Workspace = "cli-cohorts";
        await ImportVariedPurchasesAsync(Workspace, customers: 60);

        var (refreshExit, refreshed) = await server.RunAsync(Workspace, "cohorts", "refresh", "--wait");
        var (listExit, listed) = await server.RunAsync(Workspace, "cohorts", "list");
        await server.RunAsync(Workspace, "segments", "create", "repeat", "--rule", "count(purchase) >= 3");
        var (recommendExit, recommended) = await RecommendWhenLiveAsync(Workspace, "repeat");
        var (renameExit, renamed) = await server.RunAsync(Workspace, "cohorts", "rename", "cohort-1", "Gift Buyers", "--pin");
        var (runsExit, runs) = await server.RunAsync(Workspace, "cohorts", "runs");
        var (badExit, bad) = await server.RunAsync(Workspace, "cohorts", "settings", "--k", "99");
        var (settingsExit, settings) = await server.RunAsync(Workspace, "cohorts", "settings", "--k", "3", "--features", "recency_days", "frequency");

        Assert.True(refreshExit == 0, refreshed);
        Assert.Contains("succeeded", refreshed, StringComparison.Ordinal);
        Assert.Contains("silhouette", refreshed, StringComparison.Ordinal);
        Assert.Contains("cohort-1", refreshed, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.Contains("members", listed, StringComparison.Ordinal);
        Assert.True(recommendExit == 0, recommended);
        Assert.Contains("goal 'repeat': 30 of 60 cohorted customers", recommended, StringComparison.Ordinal);
        Assert.Contains("recommended: cohort in [", recommended, StringComparison.Ordinal);
        Assert.Equal(0, renameExit);
        Assert.Contains("Gift Buyers (pinned)", renamed, StringComparison.Ordinal);
        Assert.Equal(0, runsExit);
        Assert.Contains("manual", runs, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, badExit);
        Assert.Contains("settings.fixed_k", bad, StringComparison.Ordinal);
        Assert.Equal(0, settingsExit);
        Assert.Contains("k: 3", settings, StringComparison.Ordinal);
        Assert.Contains("features: recency_days, frequency", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cohorts_SecondRefresh_RunsShowTheDriftAgainstTheFirst()
    {
        const string Workspace = "cli-cohort-drift";
        await ImportVariedPurchasesAsync(Workspace, customers: 60);

        var (firstExit, first) = await server.RunAsync(Workspace, "cohorts", "refresh", "--wait");
        var (secondExit, second) = await server.RunAsync(Workspace, "cohorts", "refresh", "--wait");
        var (runsExit, runs) = await server.RunAsync(Workspace, "cohorts", "runs");

        Assert.True(firstExit == 0, first);
        Assert.DoesNotContain("drift against", first, StringComparison.Ordinal);
        Assert.True(secondExit == 0, second);
        Assert.Contains("drift against run 1", second, StringComparison.Ordinal);
        Assert.Contains("100.0%", second, StringComparison.Ordinal);
        Assert.Equal(0, runsExit);
        Assert.Contains("vs 1: 0 meaning changed, 0 new, 0 retired", runs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_TrainingWithTooLittleHistoryFailsWithTheReason_AndListShowsNothing()
    {
        const string Workspace = "cli-models";
        await ImportVariedPurchasesAsync(Workspace, customers: 5);

        var (trainExit, trained) = await server.RunAsync(Workspace, "models", "train", "purchase_30d", "--wait");
        var (listExit, _) = await server.RunAsync(Workspace, "models", "list");

        Assert.Equal(ExitCodes.Failed, trainExit);
        Assert.Contains("failed", trained, StringComparison.Ordinal);
        Assert.Contains("needs history spanning", trained, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
    }

    /// <summary>Asks until the goal segment is live (a segment still backfilling is refused with FAILED_PRECONDITION).</summary>
    private async Task<(int Exit, string Output)> RecommendWhenLiveAsync(string workspace, string goal)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (exit, output) = await server.RunAsync(workspace, "cohorts", "recommend", "--goal", goal);
            if (exit == 0 || attempt == 50 || !output.Contains("FAILED_PRECONDITION", StringComparison.Ordinal))
            {
                return (exit, output);
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Customers with one to four purchases spread over a year, so their recency and frequency differ.</summary>
    private async Task ImportVariedPurchasesAsync(string workspace, int customers)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        var start = DateTimeOffset.UtcNow.AddDays(-360);
        var lines = Enumerable.Range(0, customers).SelectMany(c => Enumerable.Range(0, 1 + (c % 4)).Select(p =>
            $"c{c},{start.AddDays((c * 5) + (p * 20) + (c % 7)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}"));
        await File.WriteAllLinesAsync(file, ["customer,time", .. lines], TestContext.Current.CancellationToken);
        var (exit, output) = await server.RunAsync(workspace, "import", "--file", file, "--customer-column", "customer", "--time-column", "time", "--type", "purchase");
        Assert.True(exit == 0, output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
