using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// A destination as stored: its definition, signing key, status, and delivery position: <see cref="Start"/> for
/// every segment it has no cursor for yet (the feed's head when it was created, or a replay's cursor), and a cursor
/// per segment it has received changes of.
/// </summary>
public sealed record StoredWebhook(
    WebhookDefinition Definition,
    byte[] Key,
    WebhookStatus Status,
    int Version,
    FeedCursor Start,
    IReadOnlyDictionary<string, WebhookSegmentCursor> Cursors,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FailingSince = null,
    string? LastError = null)
{
    /// <summary>Where the destination stands in a segment's feed.</summary>
    public WebhookSegmentCursor CursorOf(string segmentId) =>
        Cursors.TryGetValue(segmentId, out var cursor) && cursor.Delivered >= Start ? cursor : new WebhookSegmentCursor(Start);
}
