namespace ActorSegments.Domain.Modeling;

/// <summary>
/// One trained model of a workspace (e.g. <c>purchase_30d</c>, <c>recommendations</c>): its version (1, 2, ...), kind,
/// evaluation metrics as JSON, and the serialized model.
/// </summary>
public sealed record ModelVersion(
    string WorkspaceId,
    string Name,
    int Version,
    string Kind,
    DateTimeOffset CreatedAt,
    string MetricsJson,
    byte[] Payload);
