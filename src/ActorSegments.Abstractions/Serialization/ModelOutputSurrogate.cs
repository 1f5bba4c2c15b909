using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

/// <summary>Wire form of the domain's <see cref="ModelOutput"/> (the domain has no Orleans reference).</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.model-output")]
public readonly struct ModelOutputSurrogate
{
    [Id(0)] public string EventId { get; init; }

    [Id(1)] public DateTimeOffset OccurredAt { get; init; }

    [Id(2)] public bool SetsCohort { get; init; }

    [Id(3)] public string? Cohort { get; init; }

    [Id(4)] public KeyValuePair<string, double?>[]? Scores { get; init; }

    /// <summary>Null leaves the recommendations as they are; empty clears them.</summary>
    [Id(5)] public string[]? Recommendations { get; init; }

    /// <summary>Why each recommended item is recommended, same order; null when the output gives no reasons.</summary>
    [Id(6)] public string[]? RecommendationReasons { get; init; }
}
