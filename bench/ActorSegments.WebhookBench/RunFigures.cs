using System.Globalization;
using ActorSegments.BenchSupport;

namespace ActorSegments.WebhookBench;

/// <summary>
/// What one run measured: ingest (events acknowledged per second, the server's CPU per 1,000 events) and, with a
/// destination, the server's CPU per 1,000 events until the last change was delivered, and deliveries: changes and messages per second from the first event to the last receipt, and the lag of
/// each change from its commit (the feed's logged_at) to its first receipt.
/// </summary>
internal sealed record RunFigures(
    string Name,
    bool WithWebhook,
    double EventsPerSecond,
    double ServerCpuMsPer1kEvents,
    double ServerCpuMsPer1kEventsDelivered,
    long Changes,
    long Messages,
    double ChangesPerSecond,
    double MessagesPerSecond,
    double LagP50Ms,
    double LagP99Ms,
    double LagMaxMs,
    double DrainSeconds)
{
    public const string Header = """
        | run | destination | events/s | server CPU ms per 1k events | same, until delivered | changes | messages | changes/s delivered | messages/s | lag p50 ms | lag p99 ms | lag max ms | drain after ingest s |
        |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """;

    public static string Row(RunFigures f) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {f.Name} | {(f.WithWebhook ? "yes" : "no")} | {f.EventsPerSecond:0} | {f.ServerCpuMsPer1kEvents:0.0} | {f.ServerCpuMsPer1kEventsDelivered:0.0} | {f.Changes} | {f.Messages} | {f.ChangesPerSecond:0} | {f.MessagesPerSecond:0.0} | {f.LagP50Ms:0} | {f.LagP99Ms:0} | {f.LagMaxMs:0} | {f.DrainSeconds:0.0} |");

    public static RunFigures Median(IReadOnlyList<RunFigures> runs) => new(
        $"median of {runs.Count}",
        runs.Count > 0 && runs[0].WithWebhook,
        Percentiles.Median(runs.Select(r => r.EventsPerSecond)),
        Percentiles.Median(runs.Select(r => r.ServerCpuMsPer1kEvents)),
        Percentiles.Median(runs.Select(r => r.ServerCpuMsPer1kEventsDelivered)),
        (long)Percentiles.Median(runs.Select(r => (double)r.Changes)),
        (long)Percentiles.Median(runs.Select(r => (double)r.Messages)),
        Percentiles.Median(runs.Select(r => r.ChangesPerSecond)),
        Percentiles.Median(runs.Select(r => r.MessagesPerSecond)),
        Percentiles.Median(runs.Select(r => r.LagP50Ms)),
        Percentiles.Median(runs.Select(r => r.LagP99Ms)),
        Percentiles.Median(runs.Select(r => r.LagMaxMs)),
        Percentiles.Median(runs.Select(r => r.DrainSeconds)));
}
