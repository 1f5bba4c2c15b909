namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// The called customer is (now, or since an earlier link) an alias of the caller, under <see cref="LinkId"/>: its
/// journal holds the history to import. Or it is already an alias of another customer, <see cref="RedirectTo"/>, which
/// the caller links instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("actorsegments.surrender-result")]
public sealed record SurrenderResult([property: Id(0)] string? LinkId, [property: Id(1)] string? RedirectTo);
