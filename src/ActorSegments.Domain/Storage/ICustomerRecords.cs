namespace ActorSegments.Domain.Storage;

/// <summary>
/// Committed records of many customers at once, for evaluating them in bulk without activating them: their stored
/// snapshots (as the snapshot store holds them), their journal entries after given sequences, and which of them are
/// in a segment.
/// </summary>
public interface ICustomerRecords
{
    /// <summary>Stored snapshot payloads of the given grain keys under a state name; keys without one are absent.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> SnapshotsAsync(string serviceId, string stateName, IReadOnlyList<string> grainKeys, CancellationToken cancellationToken = default);

    /// <summary>Journal entries of the given customers after each one's sequence, in order.</summary>
    Task<IReadOnlyDictionary<string, List<JournalEntry>>> EntriesAfterAsync(string workspaceId, IReadOnlyList<(string CustomerId, long AfterSequence)> customers, CancellationToken cancellationToken = default);

    /// <summary>Which of the given customers are members of the segment.</summary>
    Task<IReadOnlySet<string>> MembersAsync(string workspaceId, string segmentId, IReadOnlyList<string> customerIds, CancellationToken cancellationToken = default);
}
