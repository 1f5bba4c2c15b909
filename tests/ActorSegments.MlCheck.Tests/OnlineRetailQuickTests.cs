namespace ActorSegments.MlCheck.Tests;

/// <summary>
/// The check's --quick mode on the real data, when the data is where the check looks by default (or where
/// ACTORSEGMENTS_RETAIL_DATA says); the synthetic test covers every machine without it.
/// </summary>
public sealed class OnlineRetailQuickTests
{
    [Fact]
    public async Task QuickMode_ReadsTheWholeFileAndChecksOneCustomerInEight()
    {
        var path = Environment.GetEnvironmentVariable("ACTORSEGMENTS_RETAIL_DATA") is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(MlCheckOptions.RepositoryRoot(AppContext.BaseDirectory), MlCheckOptions.DefaultDataPath);
        Assert.SkipUnless(File.Exists(path), $"Online Retail data not found at {Path.GetFullPath(path)}; SyntheticDataTests runs the check without it.");
        using var run = CheckRun.Create();

        await run.RunAsync(path, quick: true);

        // Every line is read and cleaned as published; then one customer in eight of the 4,338 is kept.
        Assert.Contains("| raw | 541,909 | 4,372 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| and UnitPrice > 0 | 397,884 | 4,338 |", run.Output, StringComparison.Ordinal);
        Assert.Equal(543, run.Figures["customers"]);
        Assert.InRange(run.Figures["silhouette_full"], double.Epsilon, 1);
        Assert.True(run.Figures["auc_purchase_30d"] > 0.6, $"purchase_30d AUC {run.Figures["auc_purchase_30d"]}");
        Assert.True(run.Figures["auc_churn_60d"] > 0.6, $"churn_60d AUC {run.Figures["auc_churn_60d"]}");
    }
}
