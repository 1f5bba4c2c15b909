namespace ActorSegments.Abstractions.Modeling;

/// <summary>
/// A model training: which model, whether it is running, succeeded (with the stored version) or failed (with the
/// reason, e.g. not enough data), and how far writing outputs back to customers has got.
/// </summary>
[GenerateSerializer, Immutable, Alias("actorsegments.model-job-status")]
public sealed record ModelJobStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] ModelJobState State,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? FinishedAt,
    [property: Id(4)] int Version,
    [property: Id(5)] string Phase,
    [property: Id(6)] long Pushed,
    [property: Id(7)] long Customers,
    [property: Id(8)] string? Problem);

[GenerateSerializer, Alias("actorsegments.model-job-state")]
public enum ModelJobState
{
    Running,
    Succeeded,
    Failed,
}
