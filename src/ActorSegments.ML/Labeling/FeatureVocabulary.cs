using System.Globalization;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// How the deterministic labeler speaks about each customer feature: words for a cohort well above or below everyone
/// (an adjective, a noun phrase, or both) and how to state the cohort's figure. A feature it does not know gets generic
/// words built from its name, so new features label sensibly before anyone writes words for them.
/// </summary>
internal static class FeatureVocabulary
{
    // Figures read after "median" or "mean" and before "vs <everyone's figure>": "median 1 order vs 2".
    private static readonly Dictionary<string, FeatureWords> Known = new(StringComparer.Ordinal)
    {
        ["recency_days"] = new(new("Lapsed", null), new("Recent", null), new("{0} days since the last purchase", "{0} day since the last purchase"), Figure.Days),
        ["frequency"] = new(new("Loyal", "Repeat Buyers"), new("Occasional", null), new("{0} orders", "{0} order"), Figure.Count),
        ["monetary"] = new(new("Big-Spending", "Big Spenders"), new("Low-Spend", null), new("{0} spent"), Figure.Whole),
        ["avg_order_value"] = new(new("Premium", null), new("Bargain", "Bargain Hunters"), new("{0} per order"), Figure.Whole),
        ["purchases_90d"] = new(new("Frequent", null), null, new("{0} purchases in 90 days", "{0} purchase in 90 days"), Figure.Count),
        ["days_since_active"] = new(new("Dormant", null), new("Active", null), new("{0} days since last active", "{0} day since last active"), Figure.Days),
        ["tenure_days"] = new(new("Long-Time", null), new("New", "Newcomers"), new("{0} days as a customer", "{0} day as a customer"), Figure.Days),
        ["active_days_30d"] = new(new("Regular", "Regular Visitors"), new("Quiet", null), new("{0} active days a month", "{0} active day a month"), Figure.Count),
        ["event_types"] = new(new("All-Round", null), null, new("{0} kinds of activity", "{0} kind of activity"), Figure.Count),
        ["engagement"] = new(new("Engaged", null), new("Disengaged", null), new("{0} engagement points", "{0} engagement point"), Figure.Count),
        ["email_open_rate"] = new(new("Email-Loving", "Email Fans"), new("Email-Shy", null), new("{0} of emails opened"), Figure.Rate),
        ["email_click_rate"] = new(new("Clicking", "Email Clickers"), null, new("{0} of emails clicked"), Figure.Rate),
        ["products_viewed"] = new(new("Curious", "Product Browsers"), null, new("{0} products viewed", "{0} product viewed"), Figure.Count),
        ["categories_viewed"] = new(new("Wide-Ranging", "Category Explorers"), new("Focused", null), new("{0} categories viewed", "{0} category viewed"), Figure.Count),
        ["views_30d"] = new(new("Browsing", "Frequent Browsers"), null, new("{0} product views a month", "{0} product view a month"), Figure.Count),
        ["cart_adds_30d"] = new(new("High-Intent", "Cart Fillers"), null, new("{0} cart adds a month", "{0} cart add a month"), Figure.Count),
        ["cart_abandonment"] = new(new("Hesitant", "Window Shoppers"), new("Decisive", null), new("{0} of carts abandoned"), Figure.Rate),
    };

    public static FeatureWords For(string name)
    {
        if (Known.TryGetValue(name, out var words))
        {
            return words;
        }

        var title = string.Join('-', name.Split(['_', '-', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Capitalized));
        return new FeatureWords(new("High-" + title, null), new("Low-" + title, null), new(name.Replace('_', ' ') + " {0}"), Figure.Count);
    }

    public static string Format(double value, Figure figure) => figure switch
    {
        Figure.Rate => value.ToString("0%", CultureInfo.InvariantCulture),
        Figure.Whole => value.ToString(Math.Abs(value) >= 10 ? "#,0" : "0.#", CultureInfo.InvariantCulture),
        Figure.Days => value.ToString("#,0.#", CultureInfo.InvariantCulture),
        _ => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.#", CultureInfo.InvariantCulture),
    };

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}

/// <summary>What to call a cohort high (or low) on a feature: an adjective, a noun phrase naming its members, or both.</summary>
internal sealed record Term(string? Adjective, string? Noun);

/// <summary>The words for one feature: when the cohort is well above everyone, well below, and its figure.</summary>
internal sealed record FeatureWords(Term? High, Term? Low, FigurePhrase Phrase, Figure Figure)
{
    /// <summary>The figure in words, singular when it reads "1" ("1 order", "1.5 orders", "0 orders").</summary>
    public string Describe(double value)
    {
        var number = FeatureVocabulary.Format(value, Figure);
        var template = number == "1" ? Phrase.Singular ?? Phrase.Plural : Phrase.Plural;
        return string.Format(CultureInfo.InvariantCulture, template, number);
    }
}

/// <summary>How a figure is said, <c>{0}</c> standing for the number; <paramref name="Singular"/> when the number is 1 and the words change.</summary>
internal sealed record FigurePhrase(string Plural, string? Singular = null);

/// <summary>
/// How a figure reads: a count with a decimal when small, a whole number (money), whole days (a median of whole days
/// may end in .5), or a percentage.
/// </summary>
internal enum Figure
{
    Count,
    Whole,
    Days,
    Rate,
}
