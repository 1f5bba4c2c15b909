namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// Asks a customer to become an alias of <paramref name="CustomerId"/> under <paramref name="LinkId"/>. The caller
/// passes what the checks need to know about itself, so the called customer refuses before it changes anything:
/// whether the caller is known, and how many more aliases it may take (<paramref name="AliasRoom"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("actorsegments.surrender-request")]
public sealed record SurrenderRequest(
    [property: Id(0)] string LinkId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] bool AllowKnownMerge,
    [property: Id(3)] bool CustomerKnown,
    [property: Id(4)] int AliasRoom,
    [property: Id(5)] DateTimeOffset At);
