using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;

namespace ActorSegments.Domain.Tests.Modeling.Content;

public sealed class SegmentedEvaluationTests
{
    private const long Split = 1000;

    [Fact]
    public void Evaluate_NewItemsAndOneOrderSegments_CountOnlyTheirCustomersAndItems()
    {
        ItemInteraction[] all =
        [
            // c1: one order before the split, then buys the old item "b" and the new item "n".
            Buy("c1", "a", 10), Buy("c1", "x", 10), Buy("c1", "b", 2000), Buy("c1", "n", 2000),
            // c2: two orders before, then buys "b" only (not new: c3 bought it before the split).
            Buy("c2", "a", 10), Buy("c2", "c", 20), Buy("c2", "b", 2000),
            Buy("c3", "b", 30),
        ];

        // Every customer is offered "n" then "b".
        var quality = SegmentedEvaluation.Evaluate(all, Split, 2, _ => ["n", "b"]);

        Assert.Equal((2, 0.75, 1.0), (quality.Overall.Customers, quality.Overall.PrecisionAtK, quality.Overall.RecallAtK));
        Assert.Equal((1, 0.5, 1.0), (quality.NewItems.Customers, quality.NewItems.PrecisionAtK, quality.NewItems.RecallAtK));
        Assert.Equal((1, 1.0, 1.0), (quality.OnePurchase.Customers, quality.OnePurchase.PrecisionAtK, quality.OnePurchase.RecallAtK));
    }

    [Fact]
    public void IsOnePurchase_ViewsAndLinesOfOneOrder_True_TwoOrders_False()
    {
        Assert.True(SegmentedEvaluation.IsOnePurchase([Buy("c", "a", 5), Buy("c", "b", 5), new("c", "v", null, InteractionKind.View, 1)]));
        Assert.False(SegmentedEvaluation.IsOnePurchase([Buy("c", "a", 5), Buy("c", "b", 6)]));
        Assert.False(SegmentedEvaluation.IsOnePurchase([new("c", "v", null, InteractionKind.View, 1)]));
    }

    private static ItemInteraction Buy(string customer, string item, long at) => new(customer, item, null, InteractionKind.Purchase, at);
}
