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

    [Id(6)] public TraitView[] Traits { get; init; } = [];

    /// <summary>Null for a customer who never bought.</summary>
    [Id(7)] public RfmView? Rfm { get; init; }

    [Id(8)] public LifecycleChangeView[] LifecycleHistory { get; init; } = [];

    [Id(9)] public Dictionary<string, double> Scores { get; init; } = [];

    [Id(10)] public string? Cohort { get; init; }

    [Id(11)] public double Engagement { get; init; }

    [Id(12)] public string[] TopProducts { get; init; } = [];

    [Id(13)] public string[] TopCategories { get; init; } = [];

    [Id(14)] public CartView Cart { get; init; } = new(false, 0, 0, null);

    [Id(15)] public DateTimeOffset FirstSeen { get; init; }

    [Id(16)] public DateTimeOffset LastSeen { get; init; }

    /// <summary>When a segment next changes on its own; null when none will.</summary>
    [Id(17)] public DateTimeOffset? NextChange { get; init; }

    /// <summary>Recommended item ids, best first, as the last recommendations model wrote them.</summary>
    [Id(18)] public string[] Recommendations { get; init; } = [];

    /// <summary>The arm of each experiment the customer is assigned to, by experiment id (assignments are sticky).</summary>
    [Id(19)] public Dictionary<string, string> Experiments { get; init; } = [];

    /// <summary>
    /// Why each of <see cref="Recommendations"/> is recommended, in the same order ("" for an item without a reason);
    /// empty when the model gave no reasons.
    /// </summary>
    [Id(20)] public string[] RecommendationReasons { get; init; } = [];
}
