using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

/// <summary>Wire form of the domain's <see cref="TraitUpdate"/> (the domain has no Orleans reference).</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.trait-update")]
public readonly struct TraitUpdateSurrogate
{
    [Id(0)] public string EventId { get; init; }

    [Id(1)] public DateTimeOffset OccurredAt { get; init; }

    [Id(2)] public string[] Names { get; init; }

    /// <summary>The value of each name; <see cref="TraitValueSurrogate.Removed"/> where the trait is removed.</summary>
    [Id(3)] public TraitValueSurrogate[] Values { get; init; }
}
