using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Content.Tests;

/// <summary>Profile views as the customer grain returns them, with only what a test is about filled in.</summary>
internal static class Profiles
{
    private static readonly DateTimeOffset Seen = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static CustomerProfileView Customer(
        string id,
        string[]? segments = null,
        Dictionary<string, string>? experiments = null,
        string? firstName = null,
        string[]? recommendations = null,
        string[]? reasons = null) => new(Guid.NewGuid().ToString("N"), id, 3, [])
    {
        Lifecycle = "repeat_buyer",
        Segments = [.. (segments ?? []).Select(s => new SegmentMembershipView(s, Seen))],
        Experiments = experiments ?? [],
        Traits = firstName is null ? [] : [new TraitView("first_name", DataType.String, firstName, 0, null)],
        Rfm = new RfmView(4, 2, 120.5, 4, 3, 5),
        Scores = new Dictionary<string, double> { ["purchase_30d"] = 0.82 },
        Cohort = "cohort-2",
        Recommendations = recommendations ?? [],
        RecommendationReasons = reasons ?? [],
        FirstSeen = Seen,
        LastSeen = Seen.AddDays(4),
    };
}
