namespace ActorSegments.Abstractions.Customers;

/// <summary>A read-only view of one customer's state, as returned to the gateway.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.customer-profile")]
public sealed record CustomerProfileView(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] long TotalEvents,
    [property: Id(3)] EventTypeSummary[] EventTypes);
