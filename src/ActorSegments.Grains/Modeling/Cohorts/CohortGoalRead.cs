using ActorSegments.Domain.Modeling;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// What <see cref="CohortRecommender"/> answers: the ranking and the run it ranks, or why there is none (a caller
/// maps <see cref="Refusal"/> to its own status).
/// </summary>
public sealed record CohortGoalRead(CohortRun? Run, CohortRecommendations? Recommendations, CohortGoalRefusal Refusal, string? Problem)
{
    public static CohortGoalRead Refused(CohortGoalRefusal refusal, string problem) => new(null, null, refusal, problem);
}

public enum CohortGoalRefusal
{
    None = 0,

    /// <summary>The workspace has no succeeded cohort run yet.</summary>
    NoCohorts = 1,

    /// <summary>The goal segment does not exist.</summary>
    GoalNotFound = 2,

    /// <summary>The goal segment or a cohort's segment is still being evaluated, so its counts are not final.</summary>
    NotLive = 3,
}
