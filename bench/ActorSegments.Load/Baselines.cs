using System.Globalization;
using System.Text.Json;

namespace ActorSegments.Load;

/// <summary>
/// The medians durable figures are read against: the raw binary COPY of the same rows, and the duplicates-only run
/// (gRPC and one grain call per customer that only deduplicates: the empty grain). The invocations of one load.sh run
/// pass them on in a small JSON file (--baseline-file): each invocation reads it, adds what it measured, writes it.
/// An overload comparison passes on the capacity its first invocation measured, so that every server compared is
/// offered the same load.
/// </summary>
public sealed record Baselines(double? RawCopyRowsPerSecond = null, double? EmptyGrainEventsPerSecond = null, double? OverloadCapacity = null)
{
    public static async Task<Baselines> ReadAsync(string? path, CancellationToken cancellationToken = default)
    {
        // A file that is missing or empty (as mktemp leaves it) holds no baseline yet.
        if (path is null || !File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return new Baselines();
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<Baselines>(file, cancellationToken: cancellationToken) ?? new Baselines();
    }

    public async Task WriteAsync(string? path, CancellationToken cancellationToken = default)
    {
        if (path is not null)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this), cancellationToken);
        }
    }

    /// <summary>These baselines with what an invocation measured replacing them.</summary>
    public Baselines With(RawCopyResult? rawCopy, IEnumerable<ScenarioResult> scenarios) => this with
    {
        RawCopyRowsPerSecond = rawCopy?.Median ?? RawCopyRowsPerSecond,
        EmptyGrainEventsPerSecond = scenarios.LastOrDefault(s => s.Options.Duplicates)?.MedianEventsPerSecond ?? EmptyGrainEventsPerSecond,
    };

    /// <summary>A scenario's median as multiples of each baseline there is, e.g. "0.42x raw / 0.17x empty grain".</summary>
    public string Ratios(double eventsPerSecond)
    {
        var ratios = new List<string>();
        if (RawCopyRowsPerSecond is { } raw)
        {
            ratios.Add(string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / raw:0.00}x raw"));
        }

        if (EmptyGrainEventsPerSecond is { } emptyGrain)
        {
            ratios.Add(string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / emptyGrain:0.00}x empty grain"));
        }

        return ratios.Count == 0 ? "–" : string.Join(" / ", ratios);
    }
}

/// <summary>Everything one invocation measured, and the baselines its ratios are taken against.</summary>
public sealed record LoadResults(IReadOnlyList<ScenarioResult> Scenarios, RawCopyResult? RawCopy, IReadOnlyList<ExportResult> Exports, Baselines Baselines)
{
    /// <summary>Overload scenarios (<c>--scenario overload</c>).</summary>
    public IReadOnlyList<OverloadResult> Overloads { get; init; } = [];
}
