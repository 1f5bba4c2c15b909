namespace ActorSegments.Domain.Storage;

/// <summary>
/// One erasure: whose id, the token that replaces it in the change feed, when the feed rows of its erasure exits are
/// redacted too (null: now, with the rest), who asked and when.
/// </summary>
public sealed record ErasureOrder(
    string WorkspaceId,
    string CustomerId,
    string Token,
    DateTimeOffset? RedactExitsAfter,
    string ErasedBy,
    DateTimeOffset ErasedAt);
