using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Modeling;
using ActorSegments.ML.Cohorts;
using ActorSegments.ML.Labeling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActorSegments.ClusterBench.Recluster;

/// <summary>
/// An AI-cohort recluster end to end on PostgreSQL: synthetic feature rows for N customers are written to the feature
/// table (setup), then three refreshes run through the cohort grain, each read, clustered, assigned, saved and pushed:
/// the first (every customer gets a cohort), one with no data changed (nobody moves, nothing is pushed), and one after
/// a day's worth of rows were rewritten.
/// </summary>
/// <remarks>
/// "Write back" is the real push: every changed customer's grain is called (<c>ApplyModelOutputsAsync</c>), which
/// activates it (snapshot and journal read), commits a model output journal record and its cohort segment's
/// membership change to PostgreSQL through the group-commit journal, and deactivates it again. The customers exist
/// only as feature rows beforehand, so their activation finds nothing to replay: a customer with a history in the
/// journal costs more to activate (docs/benchmarks.md).
/// </remarks>
internal static class ReclusterScenario
{
    public static async Task<IReadOnlyList<ReclusterResult>> RunAsync(string connection, IReadOnlyList<int> sizes, int runs)
    {
        await using var host = await BenchHost.StartAsync(connection, 21511, 21512, WithCohorts);
        var features = host.Services.GetRequiredService<IFeatureStore>();
        var results = new List<ReclusterResult>();
        foreach (var customers in sizes)
        {
            var result = new ReclusterResult(customers);
            for (var run = 0; run < runs; run++)
            {
                var workspace = $"recluster-{customers}-{run}";
                Progress($"{workspace}: writing {customers:N0} feature rows");
                await FeatureSeeding.SeedAsync(features, workspace, customers, DateTimeOffset.UtcNow);
                var first = await MeasureAsync(host, workspace, 0);
                var unchanged = await MeasureAsync(host, workspace, 1);
                var rewritten = await FeatureSeeding.RewriteDayAsync(features, workspace, customers, DateTimeOffset.UtcNow);
                Progress($"{workspace}: {rewritten:N0} rows rewritten");
                result.Add([first, unchanged, await MeasureAsync(host, workspace, 2)]);
            }

            results.Add(result);
        }

        return results;
    }

    private static async Task<RefreshMeasurement> MeasureAsync(BenchHost host, string workspace, int refresh)
    {
        // Setup: refreshes run a day apart, by when autovacuum has analyzed what the bulk writes before them added (a
        // read planned on the statistics of an empty table sorts a million rows on disk instead of using the key).
        await using (var analyze = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("ANALYZE customer_features, cohort_assignments"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var measured = await RefreshRunner.RunAsync(host.Services, workspace);
        var phases = string.Join(", ", RefreshMeasurement.Stages.Select(s => $"{s.Title} {measured.StageSeconds(s.Phase):F2}"));
        Progress($"{workspace}: refresh {ReclusterResult.Refreshes[refresh]}: {measured.TotalSeconds:F2} s ({phases}); "
            + $"k {measured.Run.K}, changed {measured.Run.Changed:N0}, pushed {measured.Run.Pushed:N0}; segments live {measured.SegmentsLiveSeconds:F1} s later; "
            + $"counts {(measured.CountsMatch ? "equal" : "DIFFERENT")}; peak RSS {measured.PeakWorkingSetBytes / (1 << 20):N0} MB");
        return measured;
    }

    /// <summary>
    /// The trainers the server registers (k-means, the rule-based labeler), and no schedule: only the scenario's
    /// refreshes run.
    /// </summary>
    private static void WithCohorts(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ICohortClusterer, KMeansCohortClusterer>();
        silo.Services.AddSingleton(sp => CohortLabelerFactory.Create(new CohortLabelerOptions(), sp.GetService<ILoggerFactory>()));
        silo.Services.Configure<ModelingOptions>(o => o.CohortRefreshEvery = TimeSpan.Zero);
    }

    private static void Progress(string text) => Console.Error.WriteLine($"recluster: {text}");
}
