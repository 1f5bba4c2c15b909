using System.Globalization;
using ActorSegments.Abstractions.Customers;

namespace ActorSegments.Content;

/// <summary>
/// A profile flattened into text fields an email template can merge as they are (<c>{{rec_1}}</c>,
/// <c>{{cohort_name}}</c>): ESPs take flat string maps, not nested messages. The profile API returns them and templates
/// read them as <c>merge.*</c>, so both say the same.
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
        }

        foreach (var (name, score) in profile.Scores)
        {
            fields[$"score_{name}"] = score.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return fields;
    }
}
