namespace ActorSegments.Domain.Storage;

/// <summary>
/// One batch of a retention pass: entries examined and deleted, the customers whose snapshot does not include their
/// old entries yet (they are asked to write one; the next pass deletes them), and whether the pass is over.
/// </summary>
public sealed record RetentionBatch(long Examined, long Deleted, IReadOnlyList<string> Uncovered, bool Finished);
