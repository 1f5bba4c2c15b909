using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using ActorSegments.ML.Recommendations;

namespace ActorSegments.ML.Tests.Recommendations;

public sealed class ItemInteractionsTests
{
    [Fact]
    public void ViewsCartAddsAndPurchasesOfAProduct_BecomeInteractionsAndNothingElseDoes()
    {
        var journal = new CustomerHistory("c1",
        [
            Entry(1, "product_viewed", ("product_id", "p1"), ("category", "shoes")),
            Entry(2, "cart_added", ("product_id", "p1")),
            Entry(3, "purchase", ("product_id", "p1"), ("category", "shoes")),
            Entry(4, "purchase"), // an order without a single product
            Entry(5, "product_purchased", ("product_id", "85123A")),
            Entry(6, "email_opened", ("product_id", "p9")),
            new JournalEntry(7, 7_000, new TraitUpdate("t7", UnixTime.ToDateTimeOffset(7_000), [new("product_id", TraitValue.Of("p9"))])),
            new JournalEntry(8, 8_000, new ModelOutput("m8", UnixTime.ToDateTimeOffset(8_000)) { Recommendations = ["p9"] }),
        ]);

        var interactions = ItemInteractions.From(journal, BehaviorModel.Default);

        Assert.Equal(
            [
                new("c1", "p1", "shoes", InteractionKind.View, 1_000),
                new("c1", "p1", null, InteractionKind.CartAdd, 2_000),
                new("c1", "p1", "shoes", InteractionKind.Purchase, 3_000),
                new ItemInteraction("c1", "85123A", null, InteractionKind.Purchase, 5_000),
            ],
            interactions);
    }

    [Fact]
    public void OnlyTheMostRecentItemsOfACustomer_FeedSimilarity()
    {
        var touches = Enumerable.Range(0, CustomerItemMatrix.MaxItemsPerCustomer + 50)
            .Select(i => new ItemInteraction("busy", $"item{i:D3}", null, InteractionKind.View, At: i))
            .Append(new ItemInteraction("other", "item000", null, InteractionKind.View, 0));

        var matrix = CustomerItemMatrix.Build(touches, new RecommendationOptions());

        var row = matrix.Columns[matrix.RowStarts[0]..matrix.RowStarts[1]].Select(i => matrix.Items[i]).ToList();
        Assert.Equal(CustomerItemMatrix.MaxItemsPerCustomer, row.Count);
        Assert.DoesNotContain("item049", row);
        Assert.Contains("item050", row);
        Assert.Equal(2, matrix.Interactors[Array.IndexOf(matrix.Items, "item000")]); // popularity counts before the cap
    }

    private static JournalEntry Entry(long sequence, string type, params (string Name, string Value)[] properties) =>
        new(sequence, sequence * 1_000, new CustomerEvent(
            $"e{sequence}",
            type,
            UnixTime.ToDateTimeOffset(sequence * 1_000),
            properties.ToDictionary(p => p.Name, p => PropertyValue.Of(p.Value))));
}
