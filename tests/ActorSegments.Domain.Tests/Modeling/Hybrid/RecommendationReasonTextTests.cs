using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Tests.Modeling.Hybrid;

public sealed class RecommendationReasonTextTests
{
    private static readonly Dictionary<string, string?> Titles = new() { ["85123A"] = "WHITE HANGING HEART T-LIGHT HOLDER", ["untitled"] = null };

    [Theory]
    [InlineData(RecommendationReasonKind.BoughtTogether, "85123A", InteractionKind.Purchase, "bought together with WHITE HANGING HEART T-LIGHT HOLDER")]
    [InlineData(RecommendationReasonKind.BoughtTogether, "untitled", InteractionKind.Purchase, "bought together with untitled")]
    [InlineData(RecommendationReasonKind.SimilarTo, "85123A", InteractionKind.View, "similar to WHITE HANGING HEART T-LIGHT HOLDER you viewed")]
    [InlineData(RecommendationReasonKind.SimilarTo, "85123A", InteractionKind.CartAdd, "similar to WHITE HANGING HEART T-LIGHT HOLDER you added to your cart")]
    [InlineData(RecommendationReasonKind.SimilarTo, "unknown", InteractionKind.Purchase, "similar to unknown you bought")]
    [InlineData(RecommendationReasonKind.PopularInCategory, "Home > Kitchen", InteractionKind.Purchase, "popular in Home > Kitchen")]
    [InlineData(RecommendationReasonKind.Popular, null, InteractionKind.Purchase, "popular now")]
    public void Of_NamesTheAnchorByItsTitleElseItsId(RecommendationReasonKind kind, string? anchor, InteractionKind did, string expected) =>
        Assert.Equal(expected, RecommendationReasonText.Of(new RecommendationReason(kind, anchor, did), id => Titles.GetValueOrDefault(id)));
}
