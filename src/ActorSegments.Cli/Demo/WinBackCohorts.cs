using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Demo;

/// <summary>
/// Which AI cohorts the demo recommends for a win-back message: the cohorts in which valuable customers who have
/// stopped buying are most concentrated. A customer counts as drifting when it spent at least the middle of the
/// monetary scale (score 3 or more) but has not bought recently (recency score 2 or less). Recommended are the cohorts
/// whose share of drifting customers is at least one and a half times the workspace's, or failing that, the one with the
/// highest share.
/// </summary>
/// <remarks>
/// A rule of thumb read from the cohorts' own members, as a marketer would from the cohort report; it does not see
/// the archetypes. Whether it beats the manual segment is what the experiment measures.
/// </remarks>
internal static class WinBackCohorts
{
    public static IReadOnlyList<string> Recommend(IReadOnlyList<CustomerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var inCohorts = profiles.Where(p => !string.IsNullOrEmpty(p.Cohort)).ToList();
        if (inCohorts.Count == 0)
        {
            return [];
        }

        var overall = inCohorts.Average(Drifting);
        var shares = inCohorts.GroupBy(p => p.Cohort).Select(g => (Cohort: g.Key, Share: g.Average(Drifting))).OrderByDescending(c => c.Share).ThenBy(c => c.Cohort, StringComparer.Ordinal).ToList();
        var recommended = shares.Where(c => overall > 0 && c.Share >= 1.5 * overall).Select(c => c.Cohort).ToList();
        return recommended.Count > 0 ? recommended : [shares[0].Cohort];
    }

    private static double Drifting(CustomerProfile profile) =>
        profile.Rfm is { MonetaryScore: >= 3, RecencyScore: <= 2 and > 0 } ? 1 : 0;
}
