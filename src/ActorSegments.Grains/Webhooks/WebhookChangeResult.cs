using ActorSegments.Domain.Validation;
using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Grains.Webhooks;

/// <summary>
/// The outcome of changing a destination: the stored destination (and, on creation, its secret, which is shown this
/// once), or why nothing changed.
/// </summary>
public sealed record WebhookChangeResult(StoredWebhook? Webhook, string? Secret, IReadOnlyList<FieldViolation> Violations, WebhookRefusal Refusal, string? Problem)
{
    public bool Succeeded => Refusal == WebhookRefusal.None;

    public static WebhookChangeResult Saved(StoredWebhook webhook, string? secret = null) => new(webhook, secret, [], WebhookRefusal.None, null);

    public static WebhookChangeResult Invalid(IReadOnlyList<FieldViolation> violations) =>
        new(null, null, violations, WebhookRefusal.Invalid, string.Join("; ", violations.Select(v => v.ToString())));

    public static WebhookChangeResult Refused(WebhookRefusal refusal, string problem) => new(null, null, [], refusal, problem);
}

public enum WebhookRefusal
{
    None,

    /// <summary>The request has problems (<see cref="WebhookChangeResult.Violations"/>).</summary>
    Invalid,

    NotFound,

    AlreadyExists,

    /// <summary>The expected version is not the stored one.</summary>
    VersionConflict,
}
