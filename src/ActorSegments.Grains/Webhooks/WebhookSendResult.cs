using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Grains.Webhooks;

/// <summary>What one POST got: the outcome, the status, how long it took, the receiver's Retry-After, an excerpt of an error.</summary>
public sealed record WebhookSendResult(WebhookDeliveryOutcome Outcome, int? StatusCode, TimeSpan Latency, TimeSpan? RetryAfter, string? Error)
{
    public bool Delivered => Outcome == WebhookDeliveryOutcome.Delivered;
}
