using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

/// <summary>Wire form of the domain's <see cref="PropertyValue"/> (the domain has no Orleans reference).</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.property-value")]
public readonly struct PropertyValueSurrogate
{
    [Id(0)] public byte Kind { get; init; }

    [Id(1)] public string? Text { get; init; }

    [Id(2)] public double Number { get; init; }
}
