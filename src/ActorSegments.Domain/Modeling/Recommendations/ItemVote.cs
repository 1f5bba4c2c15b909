namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// A collaborative candidate for one customer: the sum of the votes its neighbors among the customer's items gave it,
/// and the customer's item that gave the largest vote (what "bought together with" names).
/// </summary>
public sealed record ItemVote(string ItemId, double Score, string Because);
