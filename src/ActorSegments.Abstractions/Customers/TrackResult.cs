namespace ActorSegments.Abstractions.Customers;

/// <summary>How many of the events handed to a customer were applied, and how many were retries already applied.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.track-result")]
public sealed record TrackResult([property: Id(0)] int Applied, [property: Id(1)] int Duplicates)
{
    public static TrackResult None { get; } = new(0, 0);

    public TrackResult Add(TrackResult other) => new(Applied + other.Applied, Duplicates + other.Duplicates);
}
