namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// Link <paramref name="PreviousId"/> into the customer called (docs/identity.md): its history moves into that
/// customer and it becomes an alias. <paramref name="LinkId"/> makes the call idempotent.
/// </summary>
[GenerateSerializer, Immutable, Alias("actorsegments.alias-request")]
public sealed record AliasRequest(
    [property: Id(0)] string LinkId,
    [property: Id(1)] string PreviousId,
    [property: Id(2)] bool AllowKnownMerge,
    [property: Id(3)] DateTimeOffset At);
