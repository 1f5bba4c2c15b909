using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Tests;

/// <summary>Builders for wire events in tests.</summary>
internal static class Events
{
    public static Event Make(
        string customerId,
        string type = "product_viewed",
        string? eventId = null,
        DateTimeOffset? occurredAt = null,
        string workspaceId = "acme") => new()
        {
            WorkspaceId = workspaceId,
            CustomerId = customerId,
            EventId = eventId ?? Guid.NewGuid().ToString("N"),
            Type = type,
            OccurredAt = Timestamp.FromDateTimeOffset(occurredAt ?? DateTimeOffset.UtcNow.AddMinutes(-1)),
        };

    public static string NewCustomerId() => $"c-{Guid.NewGuid():N}";
}
