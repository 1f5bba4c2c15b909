using ActorSegments.Domain.Rules.Ast;

namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Which AI cohorts to target for a goal, where the goal is a segment: the customers a campaign is about (valuable
/// customers who stopped buying, the top 20% by purchase propensity, ...). Recommended are the cohorts in which the
/// goal's customers are concentrated at least <see cref="MinIndex"/> times as much as among all cohorted customers;
/// when none is, the single most concentrated one (if any holds goal customers at all).
/// </summary>
/// <remarks>
/// Concentration is what a marketer reads off a cohort report, and it is what makes targeting a cohort worth more
/// than targeting everyone: the messages go where the goal's customers are. It measures who the customers are, not
/// who would respond to a message; whether the recommendation beats another targeting is what a strategy
/// experiment measures (docs/experiments.md).
/// </remarks>
public sealed record CohortRecommendations(
    double MinIndex,
    long Members,
    long GoalMembers,
    IReadOnlyList<CohortRecommendation> Cohorts)
{
    /// <summary>The index a cohort needs unless no cohort reaches it: 1.5, the demo's and a common rule of thumb.</summary>
    public const double DefaultMinIndex = 1.5;

    /// <summary>The share of all cohorted customers in the goal segment.</summary>
    public double Share => Members == 0 ? 0 : (double)GoalMembers / Members;

    /// <summary>The recommended cohorts' ids, most concentrated first.</summary>
    public IReadOnlyList<string> Recommended => [.. Cohorts.Where(c => c.Recommended).Select(c => c.CohortId)];

    /// <summary>The share of the cohorted goal customers that the recommended cohorts hold.</summary>
    public double Coverage => GoalMembers == 0 ? 0 : (double)Cohorts.Where(c => c.Recommended).Sum(c => c.GoalMembers) / GoalMembers;

    /// <summary>The share of all cohorted customers that targeting the recommended cohorts reaches.</summary>
    public double Reach => Members == 0 ? 0 : (double)Cohorts.Where(c => c.Recommended).Sum(c => c.Members) / Members;

    /// <summary>The rule targeting the recommended cohorts (<c>cohort in ["a", "b"]</c>); null when none is.</summary>
    public string? AudienceRule => Recommended is { Count: > 0 } ids ? $"cohort in [{string.Join(", ", ids.Select(Literal.Quote))}]" : null;

    /// <summary>Ranks the cohorts by index (then id, for a stable order) and marks the recommended ones.</summary>
    public static CohortRecommendations Rank(IReadOnlyList<CohortGoalCount> cohorts, double minIndex = DefaultMinIndex)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minIndex, 1.0);
        foreach (var cohort in cohorts)
        {
            if (cohort.Members < 0 || cohort.GoalMembers < 0 || cohort.GoalMembers > cohort.Members)
            {
                throw new ArgumentException($"Cohort '{cohort.CohortId}' cannot have {cohort.GoalMembers} goal customers among {cohort.Members} members.", nameof(cohorts));
            }
        }

        var members = cohorts.Sum(c => c.Members);
        var goalMembers = cohorts.Sum(c => c.GoalMembers);
        var overall = members == 0 ? 0 : (double)goalMembers / members;
        var ranked = cohorts
            .Select(c =>
            {
                var share = c.Members == 0 ? 0 : (double)c.GoalMembers / c.Members;
                return new CohortRecommendation(c.CohortId, c.Members, c.GoalMembers, share, overall == 0 ? 0 : share / overall, false);
            })
            .OrderByDescending(c => c.Index)
            .ThenBy(c => c.CohortId, StringComparer.Ordinal)
            .ToList();
        var concentrated = ranked.Count(c => c.GoalMembers > 0 && c.Index >= minIndex);
        var recommend = concentrated > 0 ? concentrated : ranked.Count > 0 && ranked[0].GoalMembers > 0 ? 1 : 0;
        return new CohortRecommendations(minIndex, members, goalMembers, [.. ranked.Select((c, i) => c with { Recommended = i < recommend })]);
    }
}
