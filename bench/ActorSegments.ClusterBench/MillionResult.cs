namespace ActorSegments.ClusterBench;

/// <summary>What the first silo measured: ingest, heap hot and idle, the export and its own shutdown.</summary>
internal sealed record MillionLoad(double IngestPerSecond, int WithoutProfile, double HotBytes, long DormantWhenHot, double IdleBytes, long DormantWhenIdle, ExportResult Export, double ShutdownSeconds);

/// <summary>What the second silo measured: snapshots found, and customers activated from them.</summary>
internal sealed record MillionRestart(long Snapshots, int Activated, int WithoutProfile, double PerSecond);

/// <summary>The million scenario's figures, as report rows.</summary>
internal sealed record MillionResult(int Customers, MillionLoad Load, MillionRestart Restart)
{
    public IEnumerable<(string Name, string Value, string Goal)> Rows()
    {
        var (n, events) = (Customers, MillionScenario.EventsEach);
        yield return ($"{n:N0} new customers, {events} workload events each in one call, {MillionScenario.Concurrency} concurrent, {MillionScenario.SegmentsLive} segments live (durable)",
            $"{Load.IngestPerSecond:N0} customers/s ({Load.IngestPerSecond * events:N0} events/s)" + Missing(Load.WithoutProfile), "");
        yield return ($"managed heap per active customer, {n:N0} customers of {events} events, after ingest and a profile read of each",
            $"{Load.HotBytes:N0} bytes ({Load.DormantWhenHot:N0} of them already dormant)", "<= 3 KB");
        yield return ("the same customers idle past the dormancy delay",
            $"{Load.IdleBytes:N0} bytes ({Load.DormantWhenIdle:N0} dormant)", "<= 3 KB");
        yield return ($"export of a segment every customer is in, pages of {MemberExport.PageSize:N0} through ISegmentMembers.PageAsync",
            $"{Load.Export.PerSecond:N0} members/s, {Load.Export.Seconds:F1} s; {Load.Export.Exported:N0} read, segment count {Load.Export.SegmentCount:N0}"
            + (Load.Export.Exported == Load.Export.SegmentCount && Load.Export.Exported == n ? " (equal)" : " (DIFFERENT)"), "");
        yield return ($"graceful shutdown of the silo with {n:N0} active customers, each writing its snapshot",
            $"{Load.ShutdownSeconds:F1} s ({n / Load.ShutdownSeconds:N0} customers/s); {Restart.Snapshots:N0} snapshots stored", "");
        yield return ($"activation on a new silo over the same database, {Restart.Activated:N0} of the {n:N0} customers (even sample), profile read, {MillionScenario.Concurrency} concurrent",
            $"{Restart.PerSecond:N0} customers/s" + Missing(Restart.WithoutProfile), "");
    }

    private static string Missing(int withoutProfile) => withoutProfile > 0 ? $" ({withoutProfile:N0} WITHOUT a profile)" : "";
}
