using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// Webhook destinations and their delivery logs. A destination's row is written by its delivery worker (one per
/// destination in the cluster), which every change goes through, so a save replaces the whole row.
/// </summary>
public interface IWebhookStore
{
    /// <summary>Stores a new destination; false when the workspace has one of that id already.</summary>
    Task<bool> CreateAsync(string workspaceId, StoredWebhook webhook, CancellationToken cancellationToken = default);

    Task<StoredWebhook?> GetAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default);

    /// <summary>The workspace's destinations, by id.</summary>
    Task<IReadOnlyList<StoredWebhook>> ListAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Every active destination of every workspace: the delivery workers that should be running.</summary>
    Task<IReadOnlyList<(string WorkspaceId, string WebhookId)>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces a destination's row; false when it was deleted meanwhile.</summary>
    Task<bool> SaveAsync(string workspaceId, StoredWebhook webhook, CancellationToken cancellationToken = default);

    /// <summary>Deletes a destination and its log; false when there was none.</summary>
    Task<bool> DeleteAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default);

    /// <summary>Adds an attempt to the destination's log, keeping the newest <paramref name="keep"/>.</summary>
    Task AppendDeliveryAsync(string workspaceId, string webhookId, WebhookDelivery delivery, int keep, CancellationToken cancellationToken = default);

    /// <summary>The newest attempts first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string workspaceId, string webhookId, int limit, CancellationToken cancellationToken = default);
}
