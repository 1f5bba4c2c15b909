namespace ActorSegments.Abstractions.Customers;

/// <summary>Count and first/last occurred-at of one event type.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.event-type-summary")]
public sealed record EventTypeSummary(
    [property: Id(0)] string Type,
    [property: Id(1)] long Count,
    [property: Id(2)] DateTimeOffset FirstSeen,
    [property: Id(3)] DateTimeOffset LastSeen);
