using System.Globalization;

namespace ActorSegments.SqlBaseline;

/// <summary>Command-line settings; every count is bounded and shrinks with <c>--scale</c>.</summary>
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

    public static BaselineOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        double Number(string name, double fallback) => values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var scale = Number("scale", 1);
        if (scale is <= 0 or > 1)
        {
            throw new ArgumentException("--scale must be in (0, 1]: the defaults are the largest run the baseline allows.");
        }

        var defaults = new BaselineOptions { Server = new Uri("http://127.0.0.1"), ApiKey = "", ServerPid = 0, ServerDatabase = "", BaselineDatabase = "", PostmasterPid = 0 };
        return new BaselineOptions
        {
            Server = new Uri(Required("server")),
            // The environment first: a key on a command line is readable by any local user (ps, /proc/PID/cmdline).
            ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : Required("api-key"),
            ServerPid = int.Parse(Required("server-pid"), CultureInfo.InvariantCulture),
            ServerDatabase = Required("server-db"),
            BaselineDatabase = Required("baseline-db"),
            PostmasterPid = int.Parse(Required("postmaster-pid"), CultureInfo.InvariantCulture),
            Customers = (int)Math.Clamp(Number("customers", defaults.Customers) * scale, 10, MaxCustomers),
            Events = (long)Math.Clamp(Number("events", defaults.Events) * scale, 100, MaxEvents),
            LiveEvents = (long)Math.Clamp(Number("live-events", defaults.LiveEvents) * scale, 10, MaxEvents / 10),
            Days = (int)Math.Clamp(Number("days", defaults.Days), 1, 400),
            Repeats = (int)Math.Clamp(Number("repeats", defaults.Repeats), 1, 10),
        };
    }
}
