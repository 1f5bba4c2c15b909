using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// How far a destination has received one segment's changes: everything up to <see cref="Delivered"/> was
/// acknowledged. While a message is out, <see cref="PendingTo"/> bounds it, so that a retry, even from another silo
/// after this one died, sends exactly the same changes under the same message id.
/// </summary>
public sealed record WebhookSegmentCursor(FeedCursor Delivered, FeedCursor? PendingTo = null, int PendingCount = 0);
