namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// How a link ended: applied (the previous id's history was imported) or a duplicate (this link, or another link of
/// the same two ids, was applied before), the customer the ids resolved to and the events imported. When the customer
/// called is itself an alias, nothing was done and <see cref="RedirectTo"/> names the customer to call instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("actorsegments.alias-result")]
public sealed record AliasResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] int MergedEvents)
{
    [Id(3)] public string? RedirectTo { get; init; }

    public static AliasResult Redirect(string customerId) => new(false, customerId, 0) { RedirectTo = customerId };
}
