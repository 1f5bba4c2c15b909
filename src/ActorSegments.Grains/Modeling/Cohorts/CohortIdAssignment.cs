using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// Ids for a run's cohorts: the previous successful run's id where a cohort sits where it sat (see
/// <see cref="CentroidMatcher"/>), a number never issued before otherwise (every run recorded counts, failed ones too,
/// since their segments may have been created).
/// </summary>
internal static class CohortIdAssignment
{
    private const int RunsConsulted = 10_000;

    public static async Task<string[]> AssignAsync(
        ICohortStore store,
        CohortRun? previous,
        IReadOnlyList<string> features,
        IReadOnlyList<CohortProfile> profiles,
        FeatureScaler scaler,
        string workspaceId,
        CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(workspaceId, RunsConsulted, cancellationToken);
        var highest = CohortIds.Highest(runs.SelectMany(r => r.Cohorts).Select(c => c.Id));
        return [.. CentroidMatcher.AssignIds(previous?.Features ?? [], previous?.Cohorts ?? [], features, CohortProfiles.RawCentroids(profiles), scaler, highest)];
    }
}
