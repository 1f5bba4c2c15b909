namespace ActorSegments.MlCheck.Tests;

/// <summary>The whole check on planted data: it must run on any machine, with or without the real data set.</summary>
public sealed class SyntheticDataTests
{
    private const int Customers = 360;

    [Fact]
    public async Task Finds_ThePlantedStructureAndExportsTheRowsForThePeer()
    {
        using var run = CheckRun.Create();
        var (path, cleanLines) = SyntheticRetail.Write(run.Directory, Customers, seed: 11);

        await run.RunAsync(path, quick: false);

        foreach (var section in new[] { "## Data", "## Cohorts", "## Cohort drift", "## Propensity", "### purchase_30d", "### churn_60d", "## Recommendations" })
        {
            Assert.Contains(section, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains($"| and UnitPrice > 0 | {cleanLines:N0} | {Customers} |", run.Output, StringComparison.Ordinal);
        Assert.Equal(Customers, run.Figures["customers"]);
        Assert.InRange(run.Figures["k"], 3, 8);
        Assert.InRange(run.Figures["silhouette_full"], double.Epsilon, 1);
        Assert.InRange(run.Figures["drift_meaning_changed"], 0, run.Figures["k"]);

        // Recent buying predicts the next weeks by construction; the exact AUC depends on the draw, not on being > 0.5.
        Assert.True(run.Figures["auc_purchase_30d"] > 0.7, $"purchase_30d AUC {run.Figures["auc_purchase_30d"]}");
        Assert.True(run.Figures["auc_churn_60d"] > 0.7, $"churn_60d AUC {run.Figures["auc_churn_60d"]}");

        // Customers keep to their product family; popularity mixes the families.
        Assert.True(run.Figures["rec_precision_at_10"] > run.Figures["rec_popularity_precision_at_10"],
            $"model {run.Figures["rec_precision_at_10"]}, popularity {run.Figures["rec_popularity_precision_at_10"]}");

        // The regulars buying in the last 30 days before the split are enough to validate on, so settings are chosen there.
        Assert.Contains("| candidate | customers | precision@10 | recall@10 |", run.Output, StringComparison.Ordinal);
        Assert.Contains(run.Figures["rec_neighbors_per_item"], new double[] { 10, 20, 50, 100 });
        var chosen = run.Figures["rec_ease_lambda"] > 0 ? $"ease{run.Figures["rec_ease_lambda"]}" : $"n{run.Figures["rec_neighbors_per_item"]}";
        Assert.True(run.Figures.ContainsKey($"rec_validation_precision_at_10_{chosen}"), chosen);

        Assert.Equal(Customers + 1, run.ExportedLines("cohorts.csv").Length);
        Assert.EndsWith(",label,our_score", run.ExportedLines("propensity_purchase_30d_test.csv")[0], StringComparison.Ordinal);
        Assert.EndsWith(",label", run.ExportedLines("propensity_churn_60d_train.csv")[0], StringComparison.Ordinal);
        Assert.Contains(run.ExportedLines("ours.csv"), line => line.StartsWith("rec_precision_ratio,", StringComparison.Ordinal));
    }
}
