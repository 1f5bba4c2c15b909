namespace ActorSegments.Domain.Storage;

/// <summary>
/// A customer's snapshot as the journal stores it: the journal sequence it includes (entries after it are replayed)
/// and its bytes in <see cref="Customers.CustomerSnapshotCodec"/>'s layout.
/// </summary>
public sealed record StoredSnapshot(long Sequence, byte[] Body);
