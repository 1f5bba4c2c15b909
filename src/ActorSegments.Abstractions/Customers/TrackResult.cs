namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// How many of the events handed to a customer were applied, and how many were retries already applied. When the
/// customer is an alias (docs/identity.md) nothing was applied and <see cref="RedirectTo"/> names the customer to
/// send the events to instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("actorsegments.track-result")]
public sealed record TrackResult([property: Id(0)] int Applied, [property: Id(1)] int Duplicates)
{
    public static TrackResult None { get; } = new(0, 0);

    [Id(2)] public string? RedirectTo { get; init; }

    public static TrackResult Redirect(string customerId) => new(0, 0) { RedirectTo = customerId };

    public TrackResult Add(TrackResult other) => new(Applied + other.Applied, Duplicates + other.Duplicates);
}
