namespace ActorSegments.Abstractions.Customers;

/// <summary>A read-only view of one customer's state, as returned to the gateway.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.customer-profile")]
public sealed record CustomerProfileView(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] long TotalEvents,
    [property: Id(3)] EventTypeSummary[] EventTypes)
{
    /// <summary>The lifecycle stage at the time of the call (snake_case, as in rules).</summary>
    [Id(4)] public string Lifecycle { get; init; } = string.Empty;

    /// <summary>The segments the customer is in, with the instant each was entered.</summary>
    [Id(5)] public SegmentMembershipView[] Segments { get; init; } = [];
}
