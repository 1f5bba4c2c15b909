namespace ActorSegments.Domain.Modeling;

/// <summary>
/// One cohort ranked for a goal: the share of its members in the goal segment, and that share over the share among
/// all cohorted customers (the index: 2 means the goal's customers are twice as concentrated in it).
/// </summary>
public sealed record CohortRecommendation(string CohortId, long Members, long GoalMembers, double Share, double Index, bool Recommended);
