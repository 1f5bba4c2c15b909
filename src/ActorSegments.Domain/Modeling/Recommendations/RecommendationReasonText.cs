namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// A reason as a marketer (or the customer, in an email) reads it: "bought together with X", "similar to X you viewed",
/// "popular in Kitchen", "popular now". An item is named by its catalog title when it has one, else by its id.
/// </summary>
public static class RecommendationReasonText
{
    public static string Of(RecommendationReason reason, Func<string, string?> titleOf)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(titleOf);
        return reason.Kind switch
        {
            RecommendationReasonKind.BoughtTogether => $"bought together with {Name(reason.Anchor)}",
            RecommendationReasonKind.SimilarTo => $"similar to {Name(reason.Anchor)} {Did(reason.AnchorKind)}",
            RecommendationReasonKind.PopularInCategory => $"popular in {reason.Anchor}",
            _ => "popular now",
        };

        string Name(string? item) => item is null ? "an item" : titleOf(item) is { Length: > 0 } title ? title : item;
    }

    private static string Did(InteractionKind kind) => kind switch
    {
        InteractionKind.Purchase => "you bought",
        InteractionKind.CartAdd => "you added to your cart",
        _ => "you viewed",
    };
}
