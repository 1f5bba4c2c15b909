using System.Diagnostics;
using ActorSegments.BenchSupport;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using ActorSegments.Grains.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.ClusterBench.Experiments;

/// <summary>
/// Reading an experiment's results at scale: the totals of N customers assigned over 30
/// days (3 arms, a conversion, a revenue and a retention metric) are written through the journal's group commit, as
/// customers' commits write them, then the results (every arm, every metric, the statistics) are read five times.
/// The read touches the arm totals only, so its cost follows the hours and arms, not the customers.
/// </summary>
internal static class ExperimentResultsScenario
{
    private const int Days = 30;

    public static async Task<IReadOnlyList<(string Name, string Value, string Goal)>> RunAsync(string? connection, int customers)
    {
        await using var host = await BenchHost.StartAsync(connection, 21311, 21312);
        var store = host.Services.GetRequiredService<IExperimentStore>();
        var journal = host.Services.GetRequiredService<ICustomerJournal>();
        var reader = host.Services.GetRequiredService<ExperimentResultsReader>();
        var workspace = $"experiments-{Guid.NewGuid():N}"[..24];
        var definition = new ExperimentDefinition(
            "strategy", "AI cohorts against a manual segment", "email", AssignmentMode.Randomized, "customer.events >= 1",
            [new ExperimentArm("ai", 1, Targeting: "cohort = \"cohort-1\""), new ExperimentArm("manual", 1, Targeting: "rfm.frequency >= 2"), new ExperimentArm("holdout", 1, Control: true)],
            [
                new ExperimentMetric("purchase_7d", MetricKind.Conversion, "purchase", "revenue > 0", null, 7),
                new ExperimentMetric("revenue_30d", MetricKind.Revenue, "purchase", null, "revenue", 30),
                new ExperimentMetric("active_day_7", MetricKind.Retention, null, null, null, 7),
            ],
            "strategy");
        var saved = await store.SaveExperimentAsync(workspace, definition, 0);
        var start = DateTimeOffset.UtcNow.AddDays(-Days);
        await store.SetExperimentStatusAsync(workspace, definition.Id, ExperimentStatus.Running, start, saved.Version);

        var written = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
        {
            var id = $"c{i}";
            var arm = ArmChooser.Choose(definition, id).Name;
            var hour = OutcomeDelta.HourOf(UnixTime.Seconds(start) + (long)(ArmChooser.Draw("hour", id) * Days * 86_400));
            var converts = ArmChooser.Draw("convert", id) < (arm == "holdout" ? 0.05 : 0.06);
            var revenue = converts ? Math.Round(20 + (ArmChooser.Draw("revenue", id) * 80), 2) : 0;
            var active = ArmChooser.Draw("active", id) < 0.3;
            List<OutcomeDelta> deltas = [new(definition.Id, arm, null, hour, 1, 0, 0, 0)];
            if (converts)
            {
                deltas.Add(new(definition.Id, arm, "purchase_7d", hour, 0, 1, 0, 0));
                deltas.Add(new(definition.Id, arm, "revenue_30d", hour, 0, 0, revenue, revenue * revenue));
            }

            if (active)
            {
                deltas.Add(new(definition.Id, arm, "active_day_7", hour, 0, 1, 0, 0));
            }

            await CommitAsync(journal, new CustomerCommit(workspace, id, [], [], null, Outcomes: deltas));
        });
        written.Stop();

        var reads = new List<double>();
        ExperimentReadout? readout = null;
        for (var run = 0; run < 5; run++)
        {
            var timer = Stopwatch.StartNew();
            readout = await reader.ReadAsync(workspace, definition.Id);
            reads.Add(timer.Elapsed.TotalMilliseconds);
        }

        reads.Sort();
        var assigned = readout!.Reach.Sum(r => r.Assigned);
        return
        [
            ($"experiment totals written through the journal, {customers:N0} customers (4 deltas at most each)", $"{customers / written.Elapsed.TotalSeconds:N0} customers/s", ""),
            ($"experiment results read, {assigned:N0} customers assigned over {Days} days, 3 arms, 3 metrics", $"{Percentiles.Median(reads):N1} ms (median of {reads.Count}; {reads[0]:N1}–{reads[^1]:N1})", "<= 1,000 ms"),
        ];
    }

    /// <summary>Commits, waiting and retrying while the journal's queue is full (the bench offers more than it takes).</summary>
    private static async Task CommitAsync(ICustomerJournal journal, CustomerCommit commit)
    {
        while (true)
        {
            try
            {
                await journal.CommitAsync(commit);
                return;
            }
            catch (JournalOverloadedException)
            {
                await Task.Delay(20);
            }
        }
    }
}
