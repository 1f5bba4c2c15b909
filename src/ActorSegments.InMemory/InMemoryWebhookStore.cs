using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Webhooks;

namespace ActorSegments.InMemory;

/// <summary>Webhook destinations and delivery logs in process memory (dev mode and tests).</summary>
public sealed class InMemoryWebhookStore : IWebhookStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Workspace, string Id), StoredWebhook> _webhooks = [];
    private readonly Dictionary<(string Workspace, string Id), List<WebhookDelivery>> _deliveries = [];

    public Task<bool> CreateAsync(string workspaceId, StoredWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        lock (_lock)
        {
            return Task.FromResult(_webhooks.TryAdd((workspaceId, webhook.Definition.Id), webhook));
        }
    }

    public Task<StoredWebhook?> GetAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_webhooks.GetValueOrDefault((workspaceId, webhookId)));
        }
    }

    public Task<IReadOnlyList<StoredWebhook>> ListAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StoredWebhook>>([.. _webhooks.Where(w => w.Key.Workspace == workspaceId).Select(w => w.Value).OrderBy(w => w.Definition.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<(string WorkspaceId, string WebhookId)>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<(string, string)>>([.. _webhooks.Where(w => w.Value.Status == WebhookStatus.Active).Select(w => (w.Key.Workspace, w.Key.Id))]);
        }
    }

    public Task<bool> SaveAsync(string workspaceId, StoredWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        lock (_lock)
        {
            var key = (workspaceId, webhook.Definition.Id);
            if (!_webhooks.ContainsKey(key))
            {
                return Task.FromResult(false);
            }

            _webhooks[key] = webhook;
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string workspaceId, string webhookId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _deliveries.Remove((workspaceId, webhookId));
            return Task.FromResult(_webhooks.Remove((workspaceId, webhookId)));
        }
    }

    public Task AppendDeliveryAsync(string workspaceId, string webhookId, WebhookDelivery delivery, int keep, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_deliveries.TryGetValue((workspaceId, webhookId), out var log))
            {
                _deliveries[(workspaceId, webhookId)] = log = [];
            }

            log.Add(delivery);
            if (log.Count > keep)
            {
                log.RemoveRange(0, log.Count - keep);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string workspaceId, string webhookId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var log = _deliveries.GetValueOrDefault((workspaceId, webhookId)) ?? [];
            return Task.FromResult<IReadOnlyList<WebhookDelivery>>([.. Enumerable.Reverse(log).Take(limit)]);
        }
    }

    /// <summary>Replaces delivery errors (and destinations' last errors) of the workspace that quote <paramref name="text"/> (an erasure); returns how many.</summary>
    internal int RedactErrors(string workspaceId, string text, string replacement)
    {
        lock (_lock)
        {
            var redacted = 0;
            foreach (var log in _deliveries.Where(d => d.Key.Workspace == workspaceId).Select(d => d.Value))
            {
                for (var i = 0; i < log.Count; i++)
                {
                    if (log[i].Error?.Contains(text, StringComparison.Ordinal) == true)
                    {
                        log[i] = log[i] with { Error = replacement };
                        redacted++;
                    }
                }
            }

            foreach (var (key, webhook) in _webhooks.Where(w => w.Key.Workspace == workspaceId && w.Value.LastError?.Contains(text, StringComparison.Ordinal) == true).ToList())
            {
                _webhooks[key] = webhook with { LastError = replacement };
                redacted++;
            }

            return redacted;
        }
    }
}
