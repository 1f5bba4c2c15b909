namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// Where a workspace's membership changes are pushed: an endpoint, the segments it wants (none listed: all), the kinds
/// of change, and how changes are batched (at most <see cref="BatchSize"/> per message, sent once that many are
/// waiting or the oldest has waited <see cref="MaxDelay"/>).
/// </summary>
public sealed record WebhookDefinition(
    string Id,
    Uri Url,
    IReadOnlyList<string> SegmentIds,
    WebhookKinds Kinds,
    int BatchSize,
    TimeSpan MaxDelay,
    string? Description = null)
{
    /// <summary>Whether changes of this segment go to the destination.</summary>
    public bool Wants(string segmentId) => SegmentIds.Count == 0 || SegmentIds.Contains(segmentId, StringComparer.Ordinal);

    /// <summary>Whether a change of this kind goes to the destination.</summary>
    public bool Wants(WebhookKinds kind) => (Kinds & kind) != 0;
}
