namespace ActorSegments.Abstractions.Customers;

/// <summary>A segment the customer is in, and since when.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.segment-membership")]
public sealed record SegmentMembershipView([property: Id(0)] string SegmentId, [property: Id(1)] DateTimeOffset Since);
