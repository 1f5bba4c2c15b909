namespace ActorSegments.Domain.Storage;

/// <summary>
/// A workspace's retention period (0: keep everything) and its current or last pass: entries examined and deleted,
/// and customers whose old entries waited for a snapshot.
/// </summary>
public sealed record RetentionStatus(
    string WorkspaceId,
    int RetentionDays,
    DateTimeOffset? PassStartedAt,
    DateTimeOffset? PassFinishedAt,
    bool Running,
    long Examined,
    long Deleted,
    long WaitingForSnapshot);
