using System.Globalization;

namespace ActorSegments.SqlBaseline;

/// <summary>The markdown report: refresh cost, freshness, CPU per fresh membership, per-segment agreement.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, BaselineOptions options, IReadOnlyList<ServerPhase> server, IReadOnlyList<SqlPhase> sql,
        IReadOnlyList<RefreshCost> refreshes, IReadOnlyList<Agreement> agreement, IReadOnlyList<SqlSegment> segments)
    {
        void Line(FormattableString text) => output.WriteLine(text.ToString(Invariant));
        Line($"## SQL baseline: {options.Customers:N0} customers, {options.Events:N0} events over {options.Days} days, then {options.LiveEvents:N0} live events");
        Line($"");
        Line($"Machine: {Environment.ProcessorCount} cores, {CpuModel()}; PostgreSQL on the same box. 50 segments.");
        Line($"");
        var wall = Spread.Of(refreshes.Select(r => r.Wall.TotalSeconds));
        var cpu = Spread.Of(refreshes.Select(r => r.BackendCpuSeconds));
        Line($"### Full refresh of the 50 SQL segments ({refreshes.Count} runs after the history load)");
        Line($"");
        Line($"| measure | median | min | max |");
        Line($"|---|---:|---:|---:|");
        Line($"| client wall time (s) | {wall.Median:F2} | {wall.Min:F2} | {wall.Max:F2} |");
        Line($"| PostgreSQL backend CPU (s, /proc utime+stime of pg_backend_pid()) | {cpu.Median:F2} | {cpu.Min:F2} | {cpu.Max:F2} |");
        Line($"| members written | {refreshes[0].Members:N0} | | |");
        Line($"");
        Line($"### Membership freshness on a schedule (computed from the median refresh time W = {wall.Median:F1} s, not measured)");
        Line($"");
        Line($"Refreshing every R, a membership that changed at a uniformly random instant is published on average R/2 + W later, at worst R + W.");
        Line($"");
        Line($"| schedule | R | average staleness | worst staleness | PostgreSQL CPU per day |");
        Line($"|---|---:|---:|---:|---:|");
        foreach (var (name, period) in new[] { ("daily", 86_400.0), ("hourly", 3_600.0), ("every 5 minutes", 300.0), ("back to back (fastest loop)", wall.Median) })
        {
            Line($"| {name} | {Duration(period)} | {Duration((period / 2) + wall.Median)} | {Duration(period + wall.Median)} | {cpu.Median * 86_400 / Math.Max(period, wall.Median):N1} s |");
        }

        Line($"");
        WriteLag(output, server);
        WriteCpu(output, server, sql, wall.Median, cpu.Median);
        WriteAgreement(output, agreement, segments);
    }

    private static void WriteLag(TextWriter output, IReadOnlyList<ServerPhase> server)
    {
        output.WriteLine("### ActorSegments membership lag (measured: membership_log.logged_at − changed_at)");
        output.WriteLine();
        output.WriteLine("changed_at is the engine's instant of the change in whole seconds (for an event, when it was applied; for time, the deadline), so each figure includes up to 1 s of truncation.");
        output.WriteLine();
        output.WriteLine("| phase | cause | changes | average | p99 | max |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var phase in server)
        {
            foreach (var lag in phase.Lag)
            {
                output.WriteLine(string.Create(Invariant, $"| {phase.Name} | {lag.Cause} | {lag.Changes:N0} | {lag.AverageSeconds:F2} s | {lag.P99Seconds:F2} s | {lag.MaxSeconds:F2} s |"));
            }
        }

        output.WriteLine();
    }

    private static void WriteCpu(TextWriter output, IReadOnlyList<ServerPhase> server, IReadOnlyList<SqlPhase> sql, double refreshWall, double refreshCpu)
    {
        output.WriteLine("### CPU per fresh membership");
        output.WriteLine();
        output.WriteLine("A fresh membership is one enter or exit a system publishes. ActorSegments: CPU seconds of the server process plus the whole PostgreSQL instance (/proc) from the first event sent until membership_log stops growing, divided by the membership_log rows written meanwhile (all causes; \"net\": divided instead by the memberships that differ between the members before and after, as a refresh sees them). SQL: CPU seconds of PostgreSQL for the COPY of the same events plus one full refresh after them, divided by the memberships that refresh changed against the previous one (symmetric difference; for the history, every member, since the table started empty).");
        output.WriteLine();
        output.WriteLine("| phase | system | events | wall | CPU | fresh memberships (logged / net) | CPU per fresh membership (logged / net) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var phase in server)
        {
            output.WriteLine(string.Create(Invariant, $"| {phase.Name} | ActorSegments (server {phase.ServerCpu:F1} s + PostgreSQL {phase.PostgresCpu:F1} s) | {phase.Events:N0} | {phase.Wall.TotalSeconds:F1} s | {phase.ServerCpu + phase.PostgresCpu:F1} s | {phase.Changes:N0} / {phase.NetChanges:N0} | {phase.CpuPerChange * 1e6:F0} / {phase.CpuPerNetChange * 1e6:F0} µs |"));
        }

        foreach (var phase in sql)
        {
            output.WriteLine(string.Create(Invariant, $"| {phase.Name} | SQL (COPY {phase.CopyCpu:F1} s + refresh {phase.Refresh.BackendCpuSeconds:F1} s) | {phase.Events:N0} | {phase.Refresh.Wall.TotalSeconds:F1} s refresh | {phase.CopyCpu + phase.Refresh.BackendCpuSeconds:F1} s | {phase.Changes:N0} | {phase.CpuPerChange * 1e6:F0} µs |"));
        }

        foreach (var (ours, theirs) in server.Zip(sql))
        {
            output.WriteLine();
            output.WriteLine(string.Create(Invariant, $"{ours.Name}: SQL spends {theirs.CpuPerChange / ours.CpuPerChange:F1}x the CPU of ActorSegments per fresh membership ({theirs.CpuPerChange / ours.CpuPerNetChange:F1}x counting ActorSegments' net changes; refresh alone {theirs.RefreshCpuPerChange / ours.CpuPerNetChange:F1}x); the goal is ≥ 10x."));
        }

        // Computed, not measured: refreshes back to back see the events of one refresh time, and (for intervals this
        // short) their net changes grow in proportion to the events.
        var (liveOurs, liveSql) = (server[^1], sql[^1]);
        var changesPerEvent = liveSql.Changes / (double)liveSql.Events;
        var breakEven = refreshCpu / (10 * changesPerEvent * refreshWall * liveOurs.CpuPerNetChange);
        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"Computed from these figures: refreshing back to back (every {refreshWall:F1} s, {refreshCpu:F1} s CPU each) at an ingest rate of r events/s, a refresh publishes about {changesPerEvent:F2} x r x {refreshWall:F1} net changes, so SQL costs at least 10x ActorSegments' CPU per fresh (net) membership while r ≤ {breakEven:N0} events/s, and less above that. The live burst delivered {liveSql.Events:N0} events in {liveOurs.Wall.TotalSeconds:F1} s between two refreshes."));

        output.WriteLine();
        output.WriteLine("The SQL figure is for one refresh right after the live events; a slower schedule spreads one refresh over more changes but publishes them later (table above), a faster one pays a whole refresh for fewer changes.");
        output.WriteLine();
    }

    private static void WriteAgreement(TextWriter output, IReadOnlyList<Agreement> agreement, IReadOnlyList<SqlSegment> segments)
    {
        output.WriteLine("### Agreement with the server's members at the same instant");
        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"Plain SQL windows: {agreement.Count(a => a.Exact)} of {agreement.Count} segments identical. With windows rounded as the engine's precision contract answers them (docs/behavior.md): {agreement.Count(a => a.TieredExact)} of {agreement.Count} identical."));
        output.WriteLine();
        output.WriteLine("| segment | server | SQL | only server | only SQL | Jaccard | differences under the engine's rounding | SQL note |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var a in agreement)
        {
            output.WriteLine(string.Create(Invariant, $"| {a.Segment} | {a.Server:N0} | {a.Sql:N0} | {a.OnlyServer:N0} | {a.OnlySql:N0} | {a.Jaccard:F4} | {a.TieredOnlyServer + a.TieredOnlySql:N0} | {a.Note ?? ""} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"SQL queries translated: {segments.Count}; not plain translations: {string.Join(", ", segments.Where(s => s.Note is not null).Select(s => s.Id))}."));
    }

    private static string Duration(double seconds) => seconds switch
    {
        >= 3_600 => string.Create(Invariant, $"{seconds / 3_600:F1} h"),
        >= 60 => string.Create(Invariant, $"{seconds / 60:F1} min"),
        _ => string.Create(Invariant, $"{seconds:F1} s"),
    };

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "unknown CPU";
}
