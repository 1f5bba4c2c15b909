using System.Globalization;

namespace ActorSegments.ClusterBench;

/// <summary>
/// The command line: <c>--postgres "&lt;connection string&gt;" [--scale f] [--runs n] [--segments true|false]
/// [--only journal,heap,batched,unary,wake,backfill,memory,million,recluster,experiments] [--customers 100000,1000000]</c>.
/// </summary>
internal sealed class BenchOptions
{
    /// <summary>Scenarios too long or too large for the default run: a million customers take minutes and gigabytes.</summary>
    private static readonly string[] OnlyWhenNamed = ["million", "recluster", "experiments"];

    private readonly string[]? _only;

    private BenchOptions(string connection, double scale, int runs, bool segments, string[]? only, int[] customers)
    {
        Connection = connection;
        Scale = scale;
        Runs = runs;
        Segments = segments;
        _only = only;
        Customers = customers;
    }

    public string Connection { get; }

    /// <summary>The fraction of every scenario's full size (customers, events) to run.</summary>
    public double Scale { get; }

    /// <summary>How many times each throughput scenario runs, on fresh customers each time; the report gives the median.</summary>
    public int Runs { get; }

    /// <summary>Whether the ingest scenarios run with the workload's 50 segments defined in their workspace.</summary>
    public bool Segments { get; }

    /// <summary>The recluster scenario's sizes: customers with feature rows, one size after another.</summary>
    public IReadOnlyList<int> Customers { get; }

    public static BenchOptions Parse(string[] args)
    {
        var connection = Arg(args, "--postgres") ?? throw new ArgumentException("--postgres <connection string> is required (see bench/cluster.sh)");
        var scale = double.Parse(Arg(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var runs = int.Parse(Arg(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1, "--runs");
        var segments = bool.Parse(Arg(args, "--segments") ?? "true");
        var only = Arg(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var customers = (Arg(args, "--customers") ?? "100000,1000000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.Parse(c, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();
        return new BenchOptions(connection, scale, runs, segments, only, customers);
    }

    /// <summary><paramref name="n"/> at this run's scale, never below 100.</summary>
    public int Scaled(int n) => Math.Max(100, (int)(n * Scale));

    /// <summary>
    /// Whether <paramref name="scenario"/> was asked for: when --only is not given, all but those that must be named
    /// (<see cref="OnlyWhenNamed"/>).
    /// </summary>
    public bool Includes(string scenario) => _only?.Contains(scenario) ?? !OnlyWhenNamed.Contains(scenario);

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
