using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

/// <summary>Wire form of the domain's <see cref="CustomerEvent"/> (the domain has no Orleans reference).</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.customer-event")]
public readonly struct CustomerEventSurrogate
{
    [Id(0)] public string EventId { get; init; }

    [Id(1)] public string Type { get; init; }

    [Id(2)] public DateTimeOffset OccurredAt { get; init; }

    [Id(3)] public Dictionary<string, PropertyValue>? Properties { get; init; }
}
