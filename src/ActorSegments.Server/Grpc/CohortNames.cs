using System.Collections.Concurrent;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// The current name of each cohort (a user's override, else the last run's label) for profile merge fields, cached
/// per workspace for <see cref="Lifetime"/> so a profile read does not cost two store reads.
/// </summary>
internal sealed class CohortNames(ICohortStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyDictionary<string, string> Names)> _cache = new(StringComparer.Ordinal);

    public async Task<string?> NameAsync(string workspaceId, string cohortId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(workspaceId, out var entry) || entry.Until <= now)
        {
            entry = (now + Lifetime, await LoadAsync(workspaceId, cancellationToken));
            _cache[workspaceId] = entry;
        }

        return entry.Names.GetValueOrDefault(cohortId);
    }

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync(string workspaceId, CancellationToken cancellationToken)
    {
        var run = await store.LatestSucceededAsync(workspaceId, cancellationToken);
        var settings = await store.GetSettingsAsync(workspaceId, cancellationToken);
        return (run?.Cohorts ?? []).ToDictionary(c => c.Id, c => settings.Labels.GetValueOrDefault(c.Id)?.Name ?? c.Name, StringComparer.Ordinal);
    }
}
