using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Console.Tests;

internal static class Events
{
    public static TrackRequest Purchase(string workspaceId, string customerId, double revenue = 25) => new()
    {
        Event = new Event
        {
            WorkspaceId = workspaceId,
            CustomerId = customerId,
            EventId = Guid.NewGuid().ToString("N"),
            Type = "purchase",
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            Properties = { ["revenue"] = Value.ForNumber(revenue) },
        },
    };
}
