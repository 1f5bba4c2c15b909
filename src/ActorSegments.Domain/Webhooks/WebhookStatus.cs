namespace ActorSegments.Domain.Webhooks;

public enum WebhookStatus : byte
{
    /// <summary>Delivering.</summary>
    Active = 1,

    /// <summary>Paused by a user; resuming continues from its cursors.</summary>
    Paused = 2,

    /// <summary>
    /// Paused by the system after failing for longer than the configured time; nothing is dropped, and resuming
    /// continues from its cursors.
    /// </summary>
    Failing = 3,
}
