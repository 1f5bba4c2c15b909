namespace ActorSegments.Domain.Storage;

/// <summary>A customer whose stored wake-up time has come.</summary>
public sealed record DueWakeUp(string WorkspaceId, string CustomerId, long DueAt);
