using ActorSegments.Protos.V1;
using ActorSegments.Workload;

namespace ActorSegments.Load;

/// <summary>Workload events in requests of a scenario's size.</summary>
internal static class EventMapping
{
    /// <summary>The events a closed-loop scenario sends: the workload's history, ending now.</summary>
    public static IEnumerable<WorkloadEvent> History(LoadOptions options)
    {
        var now = DateTimeOffset.UtcNow;
        var history = new WorkloadEvents(options.Customers, options.Seed).History(options.Events, options.HistoryDays, now);
        return options.LiveTimes ? history.Select(e => e with { OccurredAt = now }) : history;
    }

    /// <summary>The workload's history, ending now, in requests of the scenario's size.</summary>
    public static List<TrackBatchRequest> HistoryBatches(LoadOptions options, string workspaceId) =>
        [.. History(options).Chunk(options.EventsPerRequest).Select(chunk => new TrackBatchRequest { Events = { chunk.Select(e => e.ToProto(workspaceId)) } })];
}
