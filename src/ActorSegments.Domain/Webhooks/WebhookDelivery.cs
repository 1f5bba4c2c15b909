namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// One attempt to deliver a message, for the destination's delivery log: what was sent, what came back, and how
/// long it took. <see cref="Error"/> holds a short excerpt, never a whole response body.
/// </summary>
public sealed record WebhookDelivery(
    string MessageId,
    string? SegmentId,
    int Changes,
    DateTimeOffset AttemptedAt,
    int Attempt,
    WebhookDeliveryOutcome Outcome,
    int? StatusCode,
    TimeSpan Latency,
    string? Error);

public enum WebhookDeliveryOutcome : byte
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Another status, a timeout or a network error; it will be tried again.</summary>
    Failed = 2,

    /// <summary>The address is not one webhooks may reach (see <see cref="NetworkAddressPolicy"/>).</summary>
    Refused = 3,
}
