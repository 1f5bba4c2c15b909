using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ActorSegments.BenchSupport;

namespace ActorSegments.ClusterBench;

/// <summary>
/// The command line: <c>--postgres "&lt;connection string&gt;" [--scale f] [--runs n] [--segments true|false]
/// [--only journal,heap,batched,unary,wake,backfill,memory,million,recluster,experiments] [--customers 100000,1000000]</c>.
/// Exit codes: 0 after a run, 2 when the command line is wrong (nothing ran; see <see cref="BenchCommandLine"/>).
/// </summary>
internal sealed class BenchOptions
{
    /// <summary>Every scenario --only can name, in the order they run.</summary>
    private static readonly string[] Scenarios = ["journal", "heap", "batched", "unary", "wake", "backfill", "million", "recluster", "experiments", "memory"];

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

    /// <summary>
    /// The options of <paramref name="args"/>; null when the tool must not run (help asked for, or a wrong command
    /// line, reported on <paramref name="error"/>), with the exit code in <paramref name="exitCode"/>.
    /// </summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, TextWriter output, TextWriter error, out int exitCode)
    {
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string (bench/cluster.sh starts a throwaway server and passes it)", Required = true };
        var scale = new Option<double>("--scale") { Description = "The fraction of every scenario's full size to run", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Runs of each throughput scenario, on fresh customers each; the report gives the median", DefaultValueFactory = _ => 3 };
        runs.Validators.Add(result => AtLeastOne(result, runs));
        var segments = new Option<bool>("--segments") { Description = "Ingest with the workload's 50 segments defined (true|false)", DefaultValueFactory = _ => true };
        var only = new Option<string[]?>("--only") { Description = $"Comma-separated scenarios to run: {string.Join(',', Scenarios)} ({string.Join(", ", OnlyWhenNamed)} only when named)", CustomParser = ParseScenarios };
        var customers = new Option<int[]>("--customers") { Description = "The recluster scenario's sizes, comma-separated (experiments takes the largest)", CustomParser = ParseSizes, DefaultValueFactory = _ => [100_000, 1_000_000] };
        var root = new RootCommand("End-to-end throughput, latency and memory of customers on a co-hosted silo") { postgres, scale, runs, segments, only, customers };
        var parse = BenchCommandLine.Parse(root, args, output, error, out exitCode);
        if (parse is null)
        {
            return null;
        }

        // Not given is not the same as given empty: an array option reads as empty either way.
        var scenarios = parse.GetResult(only) is null ? null : parse.GetValue(only);
        return new BenchOptions(parse.GetValue(postgres)!, parse.GetValue(scale), parse.GetValue(runs), parse.GetValue(segments), scenarios, parse.GetValue(customers)!);
    }

    /// <summary><paramref name="n"/> at this run's scale, never below 100.</summary>
    public int Scaled(int n) => Math.Max(100, (int)(n * Scale));

    /// <summary>
    /// Whether <paramref name="scenario"/> was asked for: when --only is not given, all but those that must be named
    /// (<see cref="OnlyWhenNamed"/>).
    /// </summary>
    public bool Includes(string scenario) => _only?.Contains(scenario) ?? !OnlyWhenNamed.Contains(scenario);

    private static void AtLeastOne(OptionResult result, Option<int> option)
    {
        // A value that is not a number at all is already reported by the parser.
        if (result.Tokens is [{ Value: var text }] && int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value < 1)
        {
            result.AddError($"{option.Name} must be at least 1.");
        }
    }

    private static string[] CommaSeparated(ArgumentResult result) =>
        result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static string[]? ParseScenarios(ArgumentResult result)
    {
        var named = CommaSeparated(result);
        foreach (var unknown in named.Where(n => !Scenarios.Contains(n)))
        {
            result.AddError($"--only: no scenario '{unknown}' (one of {string.Join(", ", Scenarios)}).");
        }

        return named;
    }

    private static int[] ParseSizes(ArgumentResult result)
    {
        var sizes = new List<int>();
        foreach (var text in CommaSeparated(result))
        {
            if (int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var size))
            {
                sizes.Add(size);
            }
            else
            {
                result.AddError($"--customers: '{text}' is not a whole number of customers.");
            }
        }

        return [.. sizes];
    }
}
