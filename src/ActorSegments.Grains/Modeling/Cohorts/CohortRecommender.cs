using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// Recommends the latest run's AI cohorts for a goal segment (<see cref="CohortRecommendations"/>): one overlap
/// count of the members table per cohort, so the answer is exact and costs the same however the customers are spread.
/// Only live segments are counted: a segment still being evaluated would give a share that is not final yet.
/// </summary>
public sealed class CohortRecommender(ICohortStore cohorts, ISegmentMembers members, IGrainFactory grains)
{
    public async Task<CohortGoalRead> RecommendAsync(string workspaceId, string goalSegmentId, double minIndex, CancellationToken cancellationToken = default)
    {
        var goal = await grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspaceId, goalSegmentId)).GetStatsAsync();
        if (goal is null)
        {
            return CohortGoalRead.Refused(CohortGoalRefusal.GoalNotFound, $"Segment '{goalSegmentId}' does not exist in workspace '{workspaceId}'.");
        }

        if (NotLive(goal) is { } goalProblem)
        {
            return CohortGoalRead.Refused(CohortGoalRefusal.NotLive, goalProblem);
        }

        var run = await cohorts.LatestSucceededAsync(workspaceId, cancellationToken);
        if (run is null || run.Cohorts.Count == 0)
        {
            return CohortGoalRead.Refused(CohortGoalRefusal.NoCohorts, $"Workspace '{workspaceId}' has no AI cohorts yet; refresh cohorts first (RefreshCohorts).");
        }

        var counts = new List<CohortGoalCount>();
        foreach (var cohort in run.Cohorts)
        {
            var stats = await grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspaceId, cohort.Id)).GetStatsAsync();
            if (stats is null || NotLive(stats) is not null)
            {
                return CohortGoalRead.Refused(CohortGoalRefusal.NotLive, stats is null ? $"The segment of cohort '{cohort.Id}' does not exist yet; the cohort run is still writing it." : NotLive(stats)!);
            }

            var overlap = await members.OverlapAsync(workspaceId, [cohort.Id, goalSegmentId], cancellationToken);
            counts.Add(new CohortGoalCount(cohort.Id, overlap.Sizes.GetValueOrDefault(cohort.Id), overlap.Intersection));
        }

        return new CohortGoalRead(run, CohortRecommendations.Rank(counts, minIndex), CohortGoalRefusal.None, null);
    }

    private static string? NotLive(SegmentStats stats) => stats.Status == SegmentStatus.Live
        ? null
        : $"Segment '{stats.SegmentId}' is {stats.Status.ToString().ToLowerInvariant()} ({stats.BackfillDone} of {stats.BackfillTotal} customers evaluated); its counts are final once it is live.";
}
