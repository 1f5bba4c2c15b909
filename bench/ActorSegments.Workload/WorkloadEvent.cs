namespace ActorSegments.Workload;

/// <summary>
/// One customer event of the workload, in neutral types so that every consumer (gRPC, SQL COPY, the engine) maps it
/// its own way. Property values are <see cref="string"/>, <see cref="double"/> or <see cref="bool"/>.
/// </summary>
public sealed record WorkloadEvent(
    string CustomerId,
    string EventId,
    string Type,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, object> Properties);
