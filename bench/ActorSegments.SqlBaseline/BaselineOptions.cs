using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ActorSegments.BenchSupport;

namespace ActorSegments.SqlBaseline;

/// <summary>
/// Command-line settings; every count is bounded and shrinks with <c>--scale</c>. Exit codes of the tool: 0 after a
/// run, 2 for a wrong command line (nothing ran); a failed run ends with the unhandled exception.
/// </summary>
public sealed record BaselineOptions
{
    public required Uri Server { get; init; }

    public required string ApiKey { get; init; }

    public required int ServerPid { get; init; }

    /// <summary>The server's own database (membership log and members).</summary>
    public required string ServerDatabase { get; init; }

    /// <summary>The database of the plain event table (same PostgreSQL instance).</summary>
    public required string BaselineDatabase { get; init; }

    public required int PostmasterPid { get; init; }

    public int Customers { get; init; } = 20_000;

    public long Events { get; init; } = 1_000_000;

    public long LiveEvents { get; init; } = 100_000;

    public int Days { get; init; } = 365;

    public int Repeats { get; init; } = 3;

    public string Workspace { get; init; } = "sqlbaseline";

    /// <summary>Where the API key is read from (before <c>--api-key</c>).</summary>
    public const string ApiKeyVariable = "ACTORSEGMENTS_API_KEY";

    private const int MaxCustomers = 100_000;
    private const long MaxEvents = 2_000_000;

    /// <summary>
    /// The options of <paramref name="args"/>; null when the tool must not run (help asked for, or a wrong command
    /// line, reported on <paramref name="error"/>), with the exit code in <paramref name="exitCode"/>: 2 for a wrong
    /// command line (<see cref="BenchCommandLine.UsageExitCode"/>), 0 after help.
    /// </summary>
    public static BaselineOptions? Parse(IReadOnlyList<string> args, TextWriter output, TextWriter error, out int exitCode)
    {
        var defaults = new BaselineOptions { Server = new Uri("http://127.0.0.1"), ApiKey = "", ServerPid = 0, ServerDatabase = "", BaselineDatabase = "", PostmasterPid = 0 };
        var server = new Option<Uri>("--server") { Description = "The server's gRPC address", Required = true, CustomParser = AbsoluteUri };
        var apiKey = new Option<string?>("--api-key") { Description = $"A key that may create segments; ${ApiKeyVariable} first (a key on a command line is readable by any local user)" };
        var serverPid = new Option<int>("--server-pid") { Description = "The server process, for its CPU time", Required = true };
        var serverDb = new Option<string>("--server-db") { Description = "The server's own database (membership log and members)", Required = true };
        var baselineDb = new Option<string>("--baseline-db") { Description = "The database of the plain event table (same PostgreSQL instance)", Required = true };
        var postmasterPid = new Option<int>("--postmaster-pid") { Description = "The PostgreSQL postmaster, for the instance's CPU time", Required = true };
        var scale = new Option<double>("--scale") { Description = "The fraction of customers and events to run, in (0, 1]", DefaultValueFactory = _ => 1 };
        scale.Validators.Add(result =>
        {
            // A value that is not a number at all is already reported by the parser.
            if (result.Tokens is [{ Value: var text }] && double.TryParse(text, CultureInfo.InvariantCulture, out var value) && value is <= 0 or > 1)
            {
                result.AddError("--scale must be in (0, 1]: the defaults are the largest run the baseline allows.");
            }
        });
        var customers = Number("--customers", defaults.Customers, $"Customers (times --scale, 10 to {MaxCustomers:N0})");
        var events = Number("--events", defaults.Events, $"History events (times --scale, 100 to {MaxEvents:N0})");
        var liveEvents = Number("--live-events", defaults.LiveEvents, $"Live events (times --scale, 10 to {MaxEvents / 10:N0})");
        var days = Number("--days", defaults.Days, "Days the history spreads over (1 to 400)");
        var repeats = Number("--repeats", defaults.Repeats, "Full refreshes measured (1 to 10)");
        var root = new RootCommand("The status-quo baseline: the workload through the server, and into a plain table recomputed by full refresh")
        {
            server, apiKey, serverPid, serverDb, baselineDb, postmasterPid, scale, customers, events, liveEvents, days, repeats,
        };
        // The environment first: a key on a command line is readable by any local user (ps, /proc/PID/cmdline).
        var environmentKey = Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null;
        root.Validators.Add(result =>
        {
            if (environmentKey is null && result.GetResult(apiKey) is null)
            {
                result.AddError($"--api-key is required when {ApiKeyVariable} is not set.");
            }
        });
        var parse = BenchCommandLine.Parse(root, args, output, error, out exitCode);
        if (parse is null)
        {
            return null;
        }

        var fraction = parse.GetValue(scale);
        return new BaselineOptions
        {
            Server = parse.GetValue(server)!,
            ApiKey = environmentKey ?? parse.GetValue(apiKey)!,
            ServerPid = parse.GetValue(serverPid),
            ServerDatabase = parse.GetValue(serverDb)!,
            BaselineDatabase = parse.GetValue(baselineDb)!,
            PostmasterPid = parse.GetValue(postmasterPid),
            Customers = (int)Math.Clamp(parse.GetValue(customers) * fraction, 10, MaxCustomers),
            Events = (long)Math.Clamp(parse.GetValue(events) * fraction, 100, MaxEvents),
            LiveEvents = (long)Math.Clamp(parse.GetValue(liveEvents) * fraction, 10, MaxEvents / 10),
            Days = (int)Math.Clamp(parse.GetValue(days), 1, 400),
            Repeats = (int)Math.Clamp(parse.GetValue(repeats), 1, 10),
        };
    }

    /// <summary>A count read as a number (<c>1e6</c> too), scaled and clamped by <see cref="Parse"/>.</summary>
    private static Option<double> Number(string name, double fallback, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };

    private static Uri? AbsoluteUri(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        result.AddError($"--server: '{text}' is not an absolute address such as http://127.0.0.1:5000.");
        return null;
    }
}
