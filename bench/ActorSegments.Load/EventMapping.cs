using ActorSegments.Protos.V1;
using ActorSegments.Workload;

namespace ActorSegments.Load;

/// <summary>Workload events in requests of a scenario's size.</summary>
internal static class EventMapping
{
    /// <summary>The workload's history, ending now, in requests of the scenario's size.</summary>
    public static List<TrackBatchRequest> HistoryBatches(LoadOptions options, string workspaceId)
    {
        var events = new WorkloadEvents(options.Customers, options.Seed).History(options.Events, options.HistoryDays, DateTimeOffset.UtcNow);
        return [.. events.Chunk(options.EventsPerRequest).Select(chunk => new TrackBatchRequest { Events = { chunk.Select(e => e.ToProto(workspaceId)) } })];
    }
}
