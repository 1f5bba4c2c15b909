namespace ActorSegments.Domain.Features;

/// <summary>The outcomes the default schema declares scores for (<c>purchase_30d</c>, <c>churn_60d</c>).</summary>
public static class Outcomes
{
    /// <summary>At least one purchase in the 30 days from the cutoff.</summary>
    public static Outcome Purchase30Days { get; } = new("purchase_30d", OutcomeKind.Purchase, TimeSpan.FromDays(30));

    /// <summary>No own activity (emails sent to the customer do not count) in the 60 days from the cutoff.</summary>
    public static Outcome Churn60Days { get; } = new("churn_60d", OutcomeKind.Churn, TimeSpan.FromDays(60));

    public static IReadOnlyList<Outcome> All { get; } = [Purchase30Days, Churn60Days];

    /// <summary>The well-known outcome of that name, or null.</summary>
    public static Outcome? Find(string name) => All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}
