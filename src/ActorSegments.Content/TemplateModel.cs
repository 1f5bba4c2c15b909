using ActorSegments.Abstractions.Customers;
using ActorSegments.Content.Model;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Content;

/// <summary>
/// What a template sees of one customer, built from the same profile view the profile API returns (and the same
/// merge fields), so a template and <c>GetCustomer</c> never disagree. The names are the documented, stable model of
/// docs/templates.md.
/// </summary>
public sealed class TemplateModel
{
    private TemplateModel(string customerId, IReadOnlyDictionary<string, object?> variables)
    {
        CustomerId = customerId;
        Variables = variables;
    }

    public string CustomerId { get; }

    /// <summary>The top-level variables by name; values are model records, maps, lists, strings, numbers and dates.</summary>
    internal IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>The model of <paramref name="profile"/>; <paramref name="cohortName"/> is its cohort's current name.</summary>
    public static TemplateModel From(CustomerProfileView profile, string? cohortName)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var seen = profile.TotalEvents > 0;
        var last = profile.LifecycleHistory.Length > 0 ? profile.LifecycleHistory[^1] : null;
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = new TemplateCustomer(
                profile.CustomerId,
                profile.TotalEvents,
                seen ? profile.FirstSeen : null,
                seen ? profile.LastSeen : null,
                profile.Engagement,
                profile.TopProducts,
                profile.TopCategories),
            ["traits"] = profile.Traits.ToDictionary(t => t.Name, TraitValue, StringComparer.Ordinal),
            ["rfm"] = profile.Rfm is { } r ? new TemplateRfm(r.RecencyDays, r.Frequency, r.Monetary, r.RecencyScore, r.FrequencyScore, r.MonetaryScore) : null,
            ["lifecycle"] = new TemplateLifecycle(profile.Lifecycle, last?.From, last?.At),
            ["segments"] = profile.Segments.Select(s => s.SegmentId).ToArray(),
            ["cohort"] = profile.Cohort is { } cohort ? new TemplateCohort(cohort, cohortName ?? cohort) : null,
            ["experiments"] = profile.Experiments.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
            ["scores"] = profile.Scores.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
            ["recommendations"] = profile.Recommendations.Select((item, i) => new TemplateRecommendation(item, i + 1, MergeFields.ReasonOf(profile, i))).ToArray(),
            ["cart"] = new TemplateCart(profile.Cart.Open, profile.Cart.Value, profile.Cart.Items, profile.Cart.UpdatedAt),
            ["merge"] = MergeFields.Of(profile, cohortName).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
        };
        return new TemplateModel(profile.CustomerId, variables);
    }

    private static object? TraitValue(TraitView trait) => trait.Type switch
    {
        DataType.Number => trait.Number,
        DataType.Bool => trait.Number != 0,
        DataType.StringList => trait.List ?? [],
        _ => trait.Text,
    };
}
