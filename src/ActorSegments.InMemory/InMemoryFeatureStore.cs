using System.Runtime.CompilerServices;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>
/// The feature table in process memory (dev mode and tests), with the PostgreSQL table's rules: one row per customer,
/// an older row never replaces a newer one, reads in ordinal customer order, rows of another layout version left out.
/// Values are copied in and out, as a database would, so no caller can change a stored row through an array it kept.
/// </summary>
public sealed class InMemoryFeatureStore : IFeatureStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, (int Version, FeatureRow Row)>> _workspaces = new(StringComparer.Ordinal);

    public Task UpsertAsync(string workspaceId, IReadOnlyList<FeatureRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        UpsertInLayout(workspaceId, rows, CustomerFeatures.Version);
        return Task.CompletedTask;
    }

    /// <summary>Stores rows as a silo whose layout is <paramref name="version"/> would (tests of layout upgrades).</summary>
    internal void UpsertInLayout(string workspaceId, IEnumerable<FeatureRow> rows, int version)
    {
        lock (_lock)
        {
            if (!_workspaces.TryGetValue(workspaceId, out var stored))
            {
                _workspaces[workspaceId] = stored = new SortedDictionary<string, (int, FeatureRow)>(StringComparer.Ordinal);
            }

            foreach (var row in rows)
            {
                if (!stored.TryGetValue(row.CustomerId, out var current) || row.AsOf >= current.Row.AsOf)
                {
                    stored[row.CustomerId] = (version, row with { Values = (float[])row.Values.Clone() });
                }
            }
        }
    }

    /// <remarks>Reads from a copy of the row list taken at the start, so writers never wait for a slow reader.</remarks>
    public async IAsyncEnumerable<FeatureRow> ReadAllAsync(string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FeatureRow[] rows;
        lock (_lock)
        {
            rows = _workspaces.TryGetValue(workspaceId, out var stored)
                ? [.. stored.Values.Where(r => r.Version == CustomerFeatures.Version).Select(r => r.Row)]
                : [];
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
            return Task.FromResult(_workspaces.TryGetValue(workspaceId, out var stored) ? stored.Values.LongCount(r => r.Version == CustomerFeatures.Version) : 0L);
        }
    }

    public Task<IReadOnlyList<string>> ReadStaleAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            IReadOnlyList<string> stale = _workspaces.TryGetValue(workspaceId, out var stored)
                ? [.. stored
                    .Where(r => r.Value.Version < CustomerFeatures.Version && (afterCustomerId is null || string.CompareOrdinal(r.Key, afterCustomerId) > 0))
                    .Select(r => r.Key)
                    .Take(limit)]
                : [];
            return Task.FromResult(stale);
        }
    }

    public Task<IReadOnlyList<string>> StaleWorkspacesAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<string> workspaces = [.. _workspaces
                .Where(w => w.Value.Values.Any(r => r.Version < CustomerFeatures.Version))
                .Select(w => w.Key)
                .Order(StringComparer.Ordinal)];
            return Task.FromResult(workspaces);
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
