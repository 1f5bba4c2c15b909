using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Tests.Modeling.Recommendations;

namespace ActorSegments.Domain.Tests.Modeling.Hybrid;

public sealed class HybridSelectionTests
{
    private const long Day = 86_400;
    private const long Cutoff = 400 * Day;

    private static readonly CatalogItem[] Catalog =
    [
        CatalogItem.Described("red-mug", "red mug"),
        CatalogItem.Described("red-box", "red box"),
        CatalogItem.Described("filler", "paper napkins"),
        CatalogItem.Described("lamp", "desk lamp"),
    ];

    [Fact]
    public void Select_ChoosesOnTheValidationDaysOnly_NeverSeeingTheTestPeriod()
    {
        // Before the cutoff everyone, after two orders, buys the red box in the validation days: only content finds it
        // (like the red mug, and nobody bought it before). After the cutoff everyone buys the lamp, which the 20-neighbor
        // collaborative model recommends: a selection that read past the cutoff would choose that model and no content.
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [50] = ["filler"], [20] = ["filler", "lamp"] });
        var asked = new List<long>();
        var interactions = Customers(("red-box", Cutoff - (10 * Day)), ("lamp", Cutoff), ("lamp", Cutoff + (20 * Day)));
        ContentModel ContentAt(long time)
        {
            asked.Add(time);
            return ContentModel.Train(Catalog, ContentOptions.Default);
        }

        var choice = HybridSelection.Select(interactions, Cutoff, trainer, ContentAt);
        var withoutTestPeriod = HybridSelection.Select([.. interactions.Where(i => i.At < Cutoff)], Cutoff, new ListTrainer(new Dictionary<int, string[]> { [50] = ["filler"], [20] = ["filler", "lamp"] }), ContentAt);

        Assert.All(trainer.Seen, i => Assert.True(i.At < Cutoff, $"trained on {i}"));
        Assert.All(asked, time => Assert.Equal(Cutoff, time));
        Assert.Equal(50, choice.Collaborative.Chosen.NeighborsPerItem);
        Assert.Equal(Cutoff - (30 * Day), choice.ValidationSplit);
        // Collaborative filtering alone finds nothing; the first blend that lets content in finds the red box.
        Assert.Equal(0, choice.Candidates[0].Repeat.PrecisionAtK);
        Assert.Equal(new Blend(0.1, 0), choice.Chosen.Repeat);
        Assert.Equal(withoutTestPeriod.Chosen, choice.Chosen);
        Assert.Equal(withoutTestPeriod.Candidates.Select(c => c.Repeat), choice.Candidates.Select(c => c.Repeat));
    }

    [Fact]
    public void Select_EqualPrecision_KeepsCollaborativeFilteringAlone()
    {
        // In the validation days everyone buys the filler, which the collaborative model recommends first: every blend
        // that keeps it first validates alike, and collaborative filtering alone is listed first.
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [50] = ["filler"] });

        var choice = HybridSelection.Select(Customers(("filler", Cutoff - (10 * Day))), Cutoff, trainer, _ => ContentModel.Train(Catalog, ContentOptions.Default));

        Assert.Equal(Blend.Collaborative, choice.Chosen.Repeat);
        Assert.True(choice.Candidates[0].Repeat.PrecisionAtK > 0);
    }

    [Fact]
    public void Select_WithoutEnoughValidationCustomers_KeepsCollaborativeFiltering()
    {
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [50] = ["filler"] });
        var few = Customers(("red-box", Cutoff - (10 * Day))).Where(i => string.CompareOrdinal(i.CustomerId, "c010") < 0).ToList();

        var choice = HybridSelection.Select(few, Cutoff, trainer, _ => throw new InvalidOperationException("no content model is needed without validation"));

        Assert.Equal((null, HybridOptions.Collaborative, 0), (choice.ValidationSplit, choice.Chosen, choice.Candidates.Count));
    }

    [Fact]
    public void Train_TrainsTheFinalModelOnEverythingBeforeTheCutoff()
    {
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [50] = ["filler"] });
        var interactions = Customers(("red-box", Cutoff - (10 * Day)), ("lamp", Cutoff));

        var (model, choice) = HybridSelection.Train(interactions, Cutoff, trainer, _ => ContentModel.Train(Catalog, ContentOptions.Default));

        Assert.Equal(choice.Chosen, model.Options);
        Assert.Contains("red-box", model.Sold);
        Assert.DoesNotContain("lamp", model.Sold);
        Assert.All(trainer.Seen, i => Assert.True(i.At < Cutoff, $"trained on {i}"));
    }

    [Fact]
    public void Sample_AboveTheCap_ScoresTheSameCustomersWhateverTheirOrder()
    {
        var targets = Enumerable.Range(0, HybridSelection.MaximumBlendCustomers + 500)
            .Select(c => new RecommendationTarget([new ItemInteraction($"c{c}", "mug", null, InteractionKind.Purchase, 1)], new HashSet<string>(), new HashSet<string> { "box" }))
            .ToList();

        var sample = HybridSelection.Sample(targets);
        var reversed = HybridSelection.Sample([.. Enumerable.Reverse(targets)]);

        Assert.Equal(HybridSelection.MaximumBlendCustomers, sample.Count);
        Assert.Equal(sample.Select(t => t.History[0].CustomerId).Order(), reversed.Select(t => t.History[0].CustomerId).Order());
        var few = targets.Take(HybridSelection.MaximumBlendCustomers).ToList();
        Assert.Same(few, HybridSelection.Sample(few));
    }

    /// <summary>
    /// 100 customers, each with two orders long before the cutoff (the red mug, then an item of its own), then a
    /// purchase of each given item at the given time.
    /// </summary>
    private static List<ItemInteraction> Customers(params (string Item, long At)[] purchases) =>
        [.. Enumerable.Range(0, 100).SelectMany(c => purchases
            .Select(p => new ItemInteraction($"c{c:D3}", p.Item, null, InteractionKind.Purchase, p.At))
            .Prepend(new ItemInteraction($"c{c:D3}", $"own-{c}", null, InteractionKind.Purchase, 150 * Day))
            .Prepend(new ItemInteraction($"c{c:D3}", "red-mug", null, InteractionKind.Purchase, 100 * Day)))];
}
