namespace ActorSegments.Domain.Storage;

/// <summary>One erasure as the audit log keeps it: the hash of the id, never the id itself.</summary>
public sealed record ErasureAuditRecord(
    string WorkspaceId,
    string IdHash,
    string ErasedBy,
    DateTimeOffset ErasedAt,
    IReadOnlyDictionary<string, long> Rows);
