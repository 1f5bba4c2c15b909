using System.Globalization;
using ActorSegments.BenchSupport;

namespace ActorSegments.MemberRows;

/// <summary>
/// Prints the runs, each variant's medians (min–max) and the marginal costs. A marginal is taken within each round
/// (variant minus its baseline, per change or per wake-up move) and then its median over the rounds: the rounds ran
/// close together, so differences within one are less exposed to the machine's other load than differences of medians.
/// </summary>
internal static class Report
{
    private static readonly (string Name, string With, string Without, int Per)[] Marginals =
    [
        ("journal: per membership change (m1 - events)", "m1", "events", 1),
        ("journal: per membership change (m3 - events) / 3", "m3", "events", 3),
        ("journal: per wake-up move (m1-wake - m1)", "m1-wake", "m1", 1),
        ("journal: per wake-up move (m3-wake - m3)", "m3-wake", "m3", 1),
        ("sql: per change, all three (sql-m3 - sql-events) / 3", "sql-m3", "sql-events", 3),
        ("sql: per change, membership_log insert (sql-m3 - no-log) / 3", "sql-m3", "sql-m3-no-log", 3),
        ("sql: per change, segment_members upsert/delete (sql-m3 - no-members) / 3", "sql-m3", "sql-m3-no-members", 3),
        ("sql: per change, count slots (sql-m3 - no-counts) / 3", "sql-m3", "sql-m3-no-counts", 3),
    ];

    public static void Print(IReadOnlyList<RunResult> runs, IReadOnlyList<SplitResult> splits, Settings settings)
    {
        Console.WriteLine($"{settings.Callers} callers, {settings.Writers} writers, {settings.Segments} segments, {CommitShape.EventsPerCommit} events per commit; " +
            $"{settings.Warmup.TotalSeconds:0} s warm-up, {settings.Measured.TotalSeconds:0} s measured per run");
        Console.WriteLine();
        Console.WriteLine("Runs:");
        Console.WriteLine("| round | variant | commits/s | PG µs/commit | bench µs/commit | WAL B/commit | commits/txn | journal rows/commit | log rows/commit | wake-up rows |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
        {
            Console.WriteLine($"| {r.Round} | {r.Variant.Name} | {F(r.CommitsPerSecond, "0")} | {F(r.PostgresMicrosPerCommit, "0")} | {F(r.BenchMicrosPerCommit, "0")} | " +
                $"{F(r.WalBytesPerCommit, "0")} | {F(r.CommitsPerTransaction, "0.0")} | {F((double)r.JournalRows / r.AllCommits, "0.00")} | {F((double)r.LogRows / r.AllCommits, "0.00")} | {r.WakeUpRows} |");
        }

        Console.WriteLine();
        Console.WriteLine("Medians (min–max) by variant:");
        Console.WriteLine("| variant | changes/commit | wake-up moves | commits/s | PG µs/commit | PG µs/event | bench µs/commit | WAL B/commit | commits/txn |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var variant in Variant.All)
        {
            var of = runs.Where(r => r.Variant == variant).ToList();
            if (of.Count == 0)
            {
                continue;
            }

            Console.WriteLine($"| {variant.Name} | {variant.Changes} | {(variant.WakeUpMoves ? "every commit" : "no")} | {Range(of, r => r.CommitsPerSecond, "0")} | " +
                $"{Range(of, r => r.PostgresMicrosPerCommit, "0")} | {Range(of, r => r.PostgresMicrosPerCommit / CommitShape.EventsPerCommit, "0.0")} | " +
                $"{Range(of, r => r.BenchMicrosPerCommit, "0")} | {Range(of, r => r.WalBytesPerCommit, "0")} | {Range(of, r => r.CommitsPerTransaction, "0.0")} |");
        }

        Console.WriteLine();
        Console.WriteLine("Marginal cost, within each round, median (min–max) over rounds:");
        Console.WriteLine("| what | PG µs | bench µs | WAL bytes |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, with, without, per) in Marginals)
        {
            var pairs = runs.GroupBy(r => r.Round)
                .Select(g => (With: g.FirstOrDefault(r => r.Variant.Name == with), Without: g.FirstOrDefault(r => r.Variant.Name == without)))
                .Where(p => p.With is not null && p.Without is not null)
                .Select(p => (p.With!, p.Without!))
                .ToList();
            if (pairs.Count == 0)
            {
                continue;
            }

            Console.WriteLine($"| {name} | {Range(pairs, p => (p.Item1.PostgresMicrosPerCommit - p.Item2.PostgresMicrosPerCommit) / per, "0.0")} | " +
                $"{Range(pairs, p => (p.Item1.BenchMicrosPerCommit - p.Item2.BenchMicrosPerCommit) / per, "0.0")} | " +
                $"{Range(pairs, p => (p.Item1.WalBytesPerCommit - p.Item2.WalBytesPerCommit) / per, "0")} |");
        }

        PrintSplit(splits);
    }

    private static void PrintSplit(IReadOnlyList<SplitResult> splits)
    {
        if (splits.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"Backend CPU by statement ({splits[0].Changes} changes and a wake-up move per commit, {splits.Count} runs; one round trip per statement), median (min–max):");
        Console.WriteLine("| part | µs per | backend µs | share of the transaction's backend CPU |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (part, unit) in SplitResult.Parts)
        {
            Console.WriteLine($"| {part} | {unit} | {Range(splits, s => s.MicrosPer(part, unit), "0.00")} | " +
                $"{Range(splits, s => s.Nanoseconds.GetValueOrDefault(part) / 1e3 / Math.Max(s.Commits, 1) / s.MicrosPerCommit * 100, "0.0")} % |");
        }

        Console.WriteLine($"| all | commit | {Range(splits, s => s.MicrosPerCommit, "0.0")} | 100 % |");
    }

    private static string Range<T>(IReadOnlyList<T> items, Func<T, double> value, string format)
    {
        var values = items.Select(value).Order().ToList();
        var median = Percentiles.Median(values);
        return values.Count == 1 ? F(median, format) : $"{F(median, format)} ({F(values[0], format)}–{F(values[^1], format)})";
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
