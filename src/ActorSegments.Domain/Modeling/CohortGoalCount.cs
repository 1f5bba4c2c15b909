namespace ActorSegments.Domain.Modeling;

/// <summary>One AI cohort against a goal segment: its members, and how many of them are in the goal segment.</summary>
public sealed record CohortGoalCount(string CohortId, long Members, long GoalMembers);
