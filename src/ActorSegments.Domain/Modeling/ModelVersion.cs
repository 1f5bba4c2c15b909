namespace ActorSegments.Domain.Modeling;

/// <summary>
/// One trained model of a workspace (e.g. <c>purchase_30d</c>, <c>recommendations</c>): its version (1, 2, ...), kind,
/// evaluation metrics as JSON, the serialized model and, for a propensity model, its customers' scores at the version's
/// scoring pass (read with the latest version only; listings leave it out).
/// </summary>
public sealed record ModelVersion(
    string WorkspaceId,
    string Name,
    int Version,
    string Kind,
    DateTimeOffset CreatedAt,
    string MetricsJson,
    byte[] Payload,
    ScoreDistribution? Distribution = null);
