using System.Runtime.CompilerServices;
using ActorSegments.Domain.Catalog;

namespace ActorSegments.InMemory;

/// <summary>Workspace catalogs in process memory, one lock per store: writes are rare and small.</summary>
public sealed class InMemoryCatalogStore : ICatalogStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Workspace> _workspaces = new(StringComparer.Ordinal);

    public Task<CatalogWrite> UpsertAsync(string workspaceId, IReadOnlyList<CatalogItem> items, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            var workspace = WorkspaceOf(workspaceId);
            var added = items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count(id => !workspace.Items.ContainsKey(id));
            if (workspace.Items.Count + added > maxItems)
            {
                return Task.FromResult(new CatalogWrite(false, workspace.Version, workspace.Items.Count, 0));
            }

            workspace.Version++;
            foreach (var item in items)
            {
                workspace.Items[item.Id] = item with { Version = workspace.Version };
            }

            return Task.FromResult(new CatalogWrite(true, workspace.Version, workspace.Items.Count, items.Count));
        }
    }

    public Task<CatalogWrite> DeleteAsync(string workspaceId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        lock (_gate)
        {
            var workspace = WorkspaceOf(workspaceId);
            var removed = itemIds.Distinct(StringComparer.Ordinal).Count(workspace.Items.Remove);
            if (removed > 0)
            {
                workspace.Version++;
            }

            return Task.FromResult(new CatalogWrite(true, workspace.Version, workspace.Items.Count, removed));
        }
    }

    public Task<CatalogItem?> GetAsync(string workspaceId, string itemId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(WorkspaceOf(workspaceId).Items.GetValueOrDefault(itemId));
        }
    }

    public Task<IReadOnlyList<CatalogItem>> ListAsync(string workspaceId, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var items = WorkspaceOf(workspaceId).Items;
            var start = afterId is null ? 0 : items.Keys.Count(id => string.CompareOrdinal(id, afterId) <= 0);
            return Task.FromResult<IReadOnlyList<CatalogItem>>([.. items.Values.Skip(start).Take(limit)]);
        }
    }

    public async IAsyncEnumerable<CatalogItem> ReadAllAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in await ListAsync(workspaceId, null, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public Task<CatalogInfo> InfoAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var workspace = WorkspaceOf(workspaceId);
            return Task.FromResult(new CatalogInfo(workspace.Version, workspace.Items.Count));
        }
    }

    private Workspace WorkspaceOf(string workspaceId)
    {
        if (!_workspaces.TryGetValue(workspaceId, out var workspace))
        {
            workspace = new Workspace();
            _workspaces.Add(workspaceId, workspace);
        }

        return workspace;
    }

    private sealed class Workspace
    {
        public long Version { get; set; }

        public SortedDictionary<string, CatalogItem> Items { get; } = new(StringComparer.Ordinal);
    }
}
