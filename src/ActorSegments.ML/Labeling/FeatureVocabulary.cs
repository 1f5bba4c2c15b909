using System.Globalization;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// How the deterministic labeler speaks about each customer feature: words for a cohort well above or below everyone
/// (an adjective, a noun phrase, or both) and how to state the cohort's figure. A feature it does not know gets generic
/// words built from its name, so new features label sensibly before anyone writes words for them.
/// </summary>
internal static class FeatureVocabulary
{
    private static readonly Dictionary<string, FeatureWords> Known = new(StringComparer.Ordinal)
    {
        ["recency_days"] = new(new("Lapsed", null), new("Recent", null), "last purchase {0} days ago", Figure.Whole),
        ["frequency"] = new(new("Loyal", "Repeat Buyers"), new("Occasional", null), "{0} orders", Figure.Count),
        ["monetary"] = new(new("Big-Spending", "Big Spenders"), new("Low-Spend", null), "{0} spent", Figure.Whole),
        ["avg_order_value"] = new(new("Premium", null), new("Bargain", "Bargain Hunters"), "{0} per order", Figure.Whole),
        ["purchases_90d"] = new(new("Frequent", null), null, "{0} purchases in 90 days", Figure.Count),
        ["days_since_active"] = new(new("Dormant", null), new("Active", null), "last active {0} days ago", Figure.Whole),
        ["tenure_days"] = new(new("Long-Time", null), new("New", "Newcomers"), "customers for {0} days", Figure.Whole),
        ["active_days_30d"] = new(new("Regular", "Regular Visitors"), new("Quiet", null), "active {0} days a month", Figure.Count),
        ["event_types"] = new(new("All-Round", null), null, "{0} kinds of activity", Figure.Count),
        ["engagement"] = new(new("Engaged", null), new("Disengaged", null), "engagement score {0}", Figure.Count),
        ["email_open_rate"] = new(new("Email-Loving", "Email Fans"), new("Email-Shy", null), "opens {0} of emails", Figure.Rate),
        ["email_click_rate"] = new(new("Clicking", "Email Clickers"), null, "clicks {0} of emails", Figure.Rate),
        ["products_viewed"] = new(new("Curious", "Product Browsers"), null, "{0} products viewed", Figure.Count),
        ["categories_viewed"] = new(new("Wide-Ranging", "Category Explorers"), new("Focused", null), "{0} categories viewed", Figure.Count),
        ["views_30d"] = new(new("Browsing", "Frequent Browsers"), null, "{0} product views a month", Figure.Count),
        ["cart_adds_30d"] = new(new("High-Intent", "Cart Fillers"), null, "{0} cart adds a month", Figure.Count),
        ["cart_abandonment"] = new(new("Hesitant", "Window Shoppers"), new("Decisive", null), "abandons {0} of carts", Figure.Rate),
    };

    public static FeatureWords For(string name)
    {
        if (Known.TryGetValue(name, out var words))
        {
            return words;
        }

        var title = string.Join('-', name.Split(['_', '-', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Capitalized));
        return new FeatureWords(new("High-" + title, null), new("Low-" + title, null), name.Replace('_', ' ') + " {0}", Figure.Count);
    }

    public static string Format(double value, Figure figure) => figure switch
    {
        Figure.Rate => value.ToString("0%", CultureInfo.InvariantCulture),
        Figure.Whole => value.ToString(Math.Abs(value) >= 10 ? "#,0" : "0.#", CultureInfo.InvariantCulture),
        _ => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.#", CultureInfo.InvariantCulture),
    };

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}

/// <summary>What to call a cohort high (or low) on a feature: an adjective, a noun phrase naming its members, or both.</summary>
internal sealed record Term(string? Adjective, string? Noun);

/// <summary>The words for one feature: when the cohort is well above everyone, well below, and its figure.</summary>
internal sealed record FeatureWords(Term? High, Term? Low, string FigureTemplate, Figure Figure)
{
    public string Describe(double value) => string.Format(CultureInfo.InvariantCulture, FigureTemplate, FeatureVocabulary.Format(value, Figure));
}

/// <summary>How a figure reads: a count with a decimal when small, a whole number (days, money), or a percentage.</summary>
internal enum Figure
{
    Count,
    Whole,
    Rate,
}
