using System.Runtime.CompilerServices;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>
/// The feature table in process memory (dev mode and tests), with the PostgreSQL table's rules: one row per customer,
/// an older row never replaces a newer one, reads in ordinal customer order. Values are copied in and out, as a
/// database would, so no caller can change a stored row through an array it kept.
/// </summary>
public sealed class InMemoryFeatureStore : IFeatureStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, FeatureRow>> _workspaces = new(StringComparer.Ordinal);

    public Task UpsertAsync(string workspaceId, IReadOnlyList<FeatureRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_lock)
        {
            if (!_workspaces.TryGetValue(workspaceId, out var stored))
            {
                _workspaces[workspaceId] = stored = new SortedDictionary<string, FeatureRow>(StringComparer.Ordinal);
            }

            foreach (var row in rows)
            {
                if (!stored.TryGetValue(row.CustomerId, out var current) || row.AsOf >= current.AsOf)
                {
                    stored[row.CustomerId] = row with { Values = (float[])row.Values.Clone() };
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <remarks>Reads from a copy of the row list taken at the start, so writers never wait for a slow reader.</remarks>
    public async IAsyncEnumerable<FeatureRow> ReadAllAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FeatureRow[] rows;
        lock (_lock)
        {
            rows = _workspaces.TryGetValue(workspaceId, out var stored) ? [.. stored.Values] : [];
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row with { Values = (float[])row.Values.Clone() };
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_workspaces.TryGetValue(workspaceId, out var stored) ? (long)stored.Count : 0L);
        }
    }

    /// <summary>Removes the customer's row (an erasure); returns how many rows went.</summary>
    internal int Forget(string workspaceId, string customerId)
    {
        lock (_lock)
        {
            return _workspaces.TryGetValue(workspaceId, out var stored) && stored.Remove(customerId) ? 1 : 0;
        }
    }
}
