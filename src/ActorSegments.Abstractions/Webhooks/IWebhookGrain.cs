namespace ActorSegments.Abstractions.Webhooks;

/// <summary>
/// A webhook destination's delivery worker (key from <see cref="WebhookGrainKey"/>): one per destination in the
/// cluster. It reads the change feed from the destination's cursors, sends signed batches, and is the only writer of
/// the destination's row, so API changes go through it too.
/// </summary>
[Alias("actorsegments.webhook")]
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>Makes sure an active destination is delivering (after a silo died, or once created).</summary>
    [Alias("wake")]
    Task WakeAsync();

    [Alias("apply")]
    Task<WebhookCommandResult> ApplyAsync(WebhookCommand command);

    /// <summary>Sends a signed test message now and waits for the answer; logged like any delivery.</summary>
    [Alias("test")]
    Task<WebhookTestResult> TestAsync();
}
