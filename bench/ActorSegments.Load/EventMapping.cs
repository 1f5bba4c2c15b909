using ActorSegments.Protos.V1;
using ActorSegments.Workload;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Load;

/// <summary>Workload events as the ingest API's messages.</summary>
internal static class EventMapping
{
    public static Event ToProto(this WorkloadEvent e, string workspaceId)
    {
        var message = new Event
        {
            WorkspaceId = workspaceId,
            CustomerId = e.CustomerId,
            EventId = e.EventId,
            Type = e.Type,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
        };
        foreach (var (name, value) in e.Properties)
        {
            message.Properties[name] = value switch
            {
                string s => Value.ForString(s),
                double d => Value.ForNumber(d),
                bool b => Value.ForBool(b),
                _ => throw new ArgumentException($"Property '{name}' has a {value.GetType().Name}; workload properties are string, double or bool."),
            };
        }

        return message;
    }

    /// <summary>The workload's history, ending now, in requests of the scenario's size.</summary>
    public static List<TrackBatchRequest> HistoryBatches(LoadOptions options, string workspaceId)
    {
        var events = new WorkloadEvents(options.Customers, options.Seed).History(options.Events, options.HistoryDays, DateTimeOffset.UtcNow);
        return [.. events.Chunk(options.EventsPerRequest).Select(chunk => new TrackBatchRequest { Events = { chunk.Select(e => e.ToProto(workspaceId)) } })];
    }
}
