using ActorSegments.Abstractions.Webhooks;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Domain.Webhooks;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Webhooks;

/// <summary>
/// Creates, changes and reads webhook destinations for the API. A new destination gets a fresh secret and starts at
/// the feed's head (changes from its creation on); every later change goes through the destination's delivery grain,
/// the one writer of its row.
/// </summary>
public sealed class WebhookDefinitions(IWebhookStore store, IMembershipFeed feed, IGrainFactory grains, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<WebhookChangeResult> CreateAsync(string workspaceId, WebhookDefinition definition, CancellationToken cancellationToken = default)
    {
        if (Check(definition) is { Count: > 0 } violations)
        {
            return WebhookChangeResult.Invalid(violations);
        }

        var secret = WebhookSecret.Generate();
        var now = clock.GetUtcNow();
        var head = await feed.HeadAsync(workspaceId, cancellationToken);
        var webhook = new StoredWebhook(definition, secret.Key.ToArray(), WebhookStatus.Active, 1, head, new Dictionary<string, WebhookSegmentCursor>(StringComparer.Ordinal), now, now);
        if (!await store.CreateAsync(workspaceId, webhook, cancellationToken))
        {
            return WebhookChangeResult.Refused(WebhookRefusal.AlreadyExists, $"Webhook '{definition.Id}' already exists in workspace '{workspaceId}'.");
        }

        await Grain(workspaceId, definition.Id).WakeAsync();
        return WebhookChangeResult.Saved(webhook, secret.Text);
    }

    public async Task<WebhookChangeResult> UpdateAsync(string workspaceId, WebhookDefinition definition, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (Check(definition) is { Count: > 0 } violations)
        {
            return WebhookChangeResult.Invalid(violations);
        }

        return await ApplyAsync(workspaceId, definition.Id, new WebhookCommand(WebhookCommandKind.Update, WebhookJson.Definition(definition), ExpectedVersion: expectedVersion), cancellationToken);
    }

    public Task<WebhookChangeResult> PauseAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default) =>
        ApplyAsync(workspaceId, webhookId, new WebhookCommand(WebhookCommandKind.Pause), cancellationToken);

    public Task<WebhookChangeResult> ResumeAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default) =>
        ApplyAsync(workspaceId, webhookId, new WebhookCommand(WebhookCommandKind.Resume), cancellationToken);

    /// <summary>Delivers every wanted segment's changes again from <paramref name="cursorToken"/> (a change-feed cursor).</summary>
    public async Task<WebhookChangeResult> ReplayAsync(string workspaceId, string webhookId, string cursorToken, CancellationToken cancellationToken = default)
    {
        if (!FeedCursor.TryParse(cursorToken, out var cursor))
        {
            return WebhookChangeResult.Invalid([new FieldViolation("cursor", $"is not a change-feed cursor (got \"{cursorToken}\"); use a cursor from ListChanges, or empty for the start")]);
        }

        if (cursor > await feed.HeadAsync(workspaceId, cancellationToken))
        {
            return WebhookChangeResult.Invalid([new FieldViolation("cursor", "lies beyond the feed's head; no cursor the feed issued can")]);
        }

        return await ApplyAsync(workspaceId, webhookId, new WebhookCommand(WebhookCommandKind.Replay, Cursor: cursor.ToToken()), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string workspaceId, string webhookId) =>
        (await Grain(workspaceId, webhookId).ApplyAsync(new WebhookCommand(WebhookCommandKind.Delete))).Found;

    public Task<WebhookTestResult> TestAsync(string workspaceId, string webhookId) => Grain(workspaceId, webhookId).TestAsync();

    public Task<StoredWebhook?> GetAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default) =>
        store.GetAsync(workspaceId, webhookId, cancellationToken);

    public Task<IReadOnlyList<StoredWebhook>> ListAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        store.ListAsync(workspaceId, cancellationToken);

    public Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string workspaceId, string webhookId, int limit, CancellationToken cancellationToken = default) =>
        store.ListDeliveriesAsync(workspaceId, webhookId, limit, cancellationToken);

    private IReadOnlyList<FieldViolation> Check(WebhookDefinition definition) =>
        WebhookDefinitionCheck.Check(definition, options.Value.AllowHttp, SegmentDefinitions.MaxSegmentIdLength);

    private async Task<WebhookChangeResult> ApplyAsync(string workspaceId, string webhookId, WebhookCommand command, CancellationToken cancellationToken)
    {
        var result = await Grain(workspaceId, webhookId).ApplyAsync(command);
        if (!result.Found)
        {
            return WebhookChangeResult.Refused(WebhookRefusal.NotFound, $"Webhook '{webhookId}' does not exist in workspace '{workspaceId}'.");
        }

        if (result.Conflict is { } conflict)
        {
            return WebhookChangeResult.Refused(WebhookRefusal.VersionConflict, conflict);
        }

        return WebhookChangeResult.Saved((await store.GetAsync(workspaceId, webhookId, cancellationToken))!);
    }

    private IWebhookGrain Grain(string workspaceId, string webhookId) => grains.GetGrain<IWebhookGrain>(WebhookGrainKey.Format(workspaceId, webhookId));
}
