using System.Globalization;
using ActorSegments.Abstractions.Customers;

namespace ActorSegments.Content;

/// <summary>
/// A profile flattened into text fields an email template can merge as they are (<c>{{rec_1}}</c>,
/// <c>{{cohort_name}}</c>): ESPs take flat string maps, not nested messages. The profile API returns them and templates
/// read them as <c>merge.*</c>, so both say the same. <c>rec_N_reason</c> is present only when item N has a reason, so
/// a template's <c>default</c> filter can supply its own text.
/// </summary>
public static class MergeFields
{
    public static Dictionary<string, string> Of(CustomerProfileView profile, string? cohortName)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lifecycle_stage"] = profile.Lifecycle,
        };
        if (profile.Cohort is { } cohort)
        {
            fields["cohort"] = cohort;
            fields["cohort_name"] = cohortName ?? cohort;
        }

        for (var i = 0; i < profile.Recommendations.Length; i++)
        {
            fields[$"rec_{i + 1}"] = profile.Recommendations[i];
            if (ReasonOf(profile, i) is { Length: > 0 } reason)
            {
                fields[$"rec_{i + 1}_reason"] = reason;
            }
        }

        foreach (var (name, score) in profile.Scores)
        {
            fields[$"score_{name}"] = score.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return fields;
    }

    /// <summary>Why item <paramref name="index"/> is recommended; "" when the model gave no reason for it.</summary>
    internal static string ReasonOf(CustomerProfileView profile, int index) =>
        index < profile.RecommendationReasons.Length ? profile.RecommendationReasons[index] : string.Empty;
}
