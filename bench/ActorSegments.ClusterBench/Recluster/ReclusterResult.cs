using System.Globalization;

namespace ActorSegments.ClusterBench.Recluster;

/// <summary>The three refreshes of every run at one size, reported as medians over the runs.</summary>
internal sealed class ReclusterResult(int customers)
{
    /// <summary>The refreshes of a run, in order: what each one is.</summary>
    public static IReadOnlyList<string> Refreshes { get; } =
        ["first (every customer pushed)", "again, no data changed", $"after a day: {FeatureSeeding.DailyShare * 100:F0}% of rows rewritten"];

    /// <summary>The goal the first refresh of a million customers is held to.</summary>
    public const double GoalSeconds = 15;

    private readonly List<RefreshMeasurement[]> _runs = [];

    public int Customers { get; } = customers;

    public void Add(RefreshMeasurement[] run) => _runs.Add(run);

    /// <summary>One report row per refresh: the median total, customers/s, and changed and pushed counts.</summary>
    public IEnumerable<(string Name, string Value, string Goal)> Rows()
    {
        for (var r = 0; r < Refreshes.Count; r++)
        {
            var total = Median(r, m => m.TotalSeconds);
            var goal = Customers == 1_000_000 && r == 0 ? $"<= {GoalSeconds:F0} s" : "";
            yield return ($"AI-cohort recluster end to end, {Customers:N0} customers, refresh {Refreshes[r]}",
                $"{total.Format("s", 1)}; {Median(r, m => m.CustomersPerSecond).Format("customers/s")}; changed {Median(r, m => m.Run.Changed).Format("customers")}, pushed {Median(r, m => m.Run.Pushed).Format("customers")}", goal);
        }
    }

    /// <summary>The stage table: per refresh, the median of each stage over the runs.</summary>
    public IEnumerable<string> StageRows()
    {
        for (var r = 0; r < Refreshes.Count; r++)
        {
            var refresh = r;
            var stages = RefreshMeasurement.Stages.Select(s => Seconds(Median(refresh, m => m.StageSeconds(s.Phase)).Median));
            var checks = _runs.All(run => run[refresh].CountsMatch) ? "equal" : "DIFFERENT";
            yield return string.Join(" | ", [
                $"| {Customers:N0}", Refreshes[r], Seconds(Median(r, m => m.TotalSeconds).Median), .. stages,
                Seconds(Median(r, m => m.OtherSeconds).Median),
                Median(r, m => m.Run.Changed).Median.ToString("N0", CultureInfo.InvariantCulture),
                Median(r, m => m.Run.Pushed).Median.ToString("N0", CultureInfo.InvariantCulture),
                Median(r, m => m.CustomersPerSecond).Median.ToString("N0", CultureInfo.InvariantCulture),
                Seconds(Median(r, m => m.SegmentsLiveSeconds).Median),
                checks,
                $"{Median(r, m => m.PeakWorkingSetBytes).Max / (1 << 30):F1} GB |"]);
        }
    }

    public static IEnumerable<string> StageHeader()
    {
        var stages = RefreshMeasurement.Stages.Select(s => s.Title).ToList();
        yield return $"| Customers | Refresh | total s | {string.Join(" | ", stages)} | other | changed | pushed | customers/s | segments live after, s | segment counts = cohort sizes | peak RSS |";
        yield return $"|---:|---|---:|{string.Concat(stages.Select(_ => "---:|"))}---:|---:|---:|---:|---:|---|---:|";
    }

    private Repeated Median(int refresh, Func<RefreshMeasurement, double> value) => Repeated.Of(_runs.Select(run => value(run[refresh])));

    private static string Seconds(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);
}
