using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Datasets;

/// <summary>Builds wire events; the one place that turns a UTC time into the proto timestamp.</summary>
public static class EventFactory
{
    public static Event Create(string workspaceId, string customerId, string eventId, string type, DateTime occurredAtUtc) => new()
    {
        WorkspaceId = workspaceId,
        CustomerId = customerId,
        EventId = eventId,
        Type = type,
        OccurredAt = Timestamp.FromDateTime(DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc)),
    };
}
