using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Tests.Modeling.Recommendations;

public sealed class RecommendationSelectionTests
{
    private const long Day = 86_400;
    private const long Cutoff = 400 * Day;
    private const int Customers = RecommendationSelection.MinimumValidationCustomers;

    [Fact]
    public void Picks_TheCandidateThatValidatesBest()
    {
        // In the validation days everyone buys "wanted"; only the 20-neighbor model recommends it.
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [10] = ["other"], [20] = ["filler", "wanted"], [50] = ["other"], [100] = [] });

        var choice = RecommendationSelection.Select(Planted(("wanted", Cutoff - (10 * Day))), Cutoff, trainer);

        Assert.Equal(20, choice.Chosen.NeighborsPerItem);
        Assert.Equal(Cutoff - (30 * Day), choice.ValidationSplit);
        double? none = null, recent = RecommendationSelection.RecencyHalfLifeDays;
        Assert.Equal(
            [(RecommendationMethod.ItemKnn, 50, 1000, none), (RecommendationMethod.ItemKnn, 10, 1000, none), (RecommendationMethod.ItemKnn, 20, 1000, none), (RecommendationMethod.ItemKnn, 100, 1000, none),
             (RecommendationMethod.Ease, 20, 300, none), (RecommendationMethod.Ease, 20, 1000, none), (RecommendationMethod.Ease, 20, 3000, none),
             (RecommendationMethod.ItemKnn, 20, 1000, recent), (RecommendationMethod.Ease, 20, 300, recent), (RecommendationMethod.Ease, 20, 1000, recent), (RecommendationMethod.Ease, 20, 3000, recent)],
            choice.Candidates.Select(c => (c.Options.Method, c.Options.NeighborsPerItem, c.Options.EaseRegularization, c.Options.TrainingHalfLifeDays)));
        var validated = choice.Candidates[2].Validation;
        Assert.Equal((Customers, 0.1, 1.0), (validated.Customers, Math.Round(validated.PrecisionAtK, 9), validated.RecallAtK));
        // The recency-weighted 20-neighbor candidate gets the same planted list: equal, so the one listed first stays.
        Assert.Equal(validated, choice.Candidates[7].Validation);
        Assert.All(choice.Candidates.Where(c => c.Options.NeighborsPerItem != 20 || c.Options.Method == RecommendationMethod.Ease), c => Assert.Equal(0, c.Validation.PrecisionAtK));
    }

    [Fact]
    public void Ease_IsChosenWithTheLambdaThatValidatesBest()
    {
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [20] = ["filler", "wanted"] }, new Dictionary<double, string[]> { [1000] = ["wanted", "filler"], [3000] = ["wanted"] });

        var choice = RecommendationSelection.Select(Planted(("wanted", Cutoff - (10 * Day))), Cutoff, trainer);

        // Every list holding "wanted" validates alike; the first of them listed wins: item-kNN with 20 neighbors.
        Assert.Equal(RecommendationMethod.ItemKnn, choice.Chosen.Method);
        var easeOnly = RecommendationSelection.Select(Planted(("wanted", Cutoff - (10 * Day))), Cutoff, trainer, [.. RecommendationSelection.DefaultCandidates.Where(c => c.Method == RecommendationMethod.Ease)]);
        Assert.Equal((RecommendationMethod.Ease, 1000.0), (easeOnly.Chosen.Method, easeOnly.Chosen.EaseRegularization));
    }

    [Fact]
    public void EaseCandidates_AreLeftOutWhenTheCatalogExceedsTheirItemLimit()
    {
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [20] = ["wanted"] }, new Dictionary<double, string[]> { [1000] = ["wanted", "x"] });
        var interactions = Planted(("wanted", Cutoff - (10 * Day)));
        var items = interactions.Select(i => i.ItemId).Distinct().Count();
        RecommendationOptions[] candidates = [new() { NeighborsPerItem = 20 }, new() { Method = RecommendationMethod.Ease, MaximumEaseItems = items - 1 }, new() { Method = RecommendationMethod.Ease, MaximumEaseItems = items }];

        var choice = RecommendationSelection.Select(interactions, Cutoff, trainer, candidates);
        var onlyEase = RecommendationSelection.Select(interactions, Cutoff, trainer, candidates[1..2]);

        Assert.Equal([candidates[0], candidates[2]], choice.Candidates.Select(c => c.Options));
        Assert.DoesNotContain(candidates[1], trainer.Trained);
        Assert.Equal(new RecommendationOptions(), onlyEase.Chosen); // none trainable: the default item-kNN
    }

    [Fact]
    public void Never_SeesInteractionsAtOrAfterTheCutoff()
    {
        // After the cutoff everyone buys two items only the 100-neighbor model recommends: a selection that read past
        // the cutoff (or put its validation days there) would choose 100.
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [20] = ["wanted"], [100] = ["later-1", "later-2"] });
        var interactions = Planted(("wanted", Cutoff - (10 * Day)), ("later-1", Cutoff), ("later-2", Cutoff + (20 * Day)));

        var (_, choice) = RecommendationSelection.Train(interactions, Cutoff, trainer);

        Assert.Equal(20, choice.Chosen.NeighborsPerItem);
        Assert.Equal(0, choice.Candidates.Single(c => c.Options.NeighborsPerItem == 100).Validation.PrecisionAtK);
        Assert.NotEmpty(trainer.Seen);
        Assert.All(trainer.Seen, i => Assert.True(i.At < Cutoff, $"trained on {i}"));
        // The final model is trained on the validation days too, with the chosen settings.
        Assert.Contains(trainer.Seen, i => i.ItemId == "wanted");
    }

    [Fact]
    public void EqualPrecision_GoesToTheCandidateListedFirst()
    {
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [10] = ["wanted"], [20] = ["wanted"], [50] = ["wanted"], [100] = [] });
        var interactions = Planted(("wanted", Cutoff - Day));
        RecommendationOptions[] fewerFirst = [new() { NeighborsPerItem = 100 }, new() { NeighborsPerItem = 20 }, new() { NeighborsPerItem = 10 }];

        Assert.Equal(50, RecommendationSelection.Select(interactions, Cutoff, trainer).Chosen.NeighborsPerItem);
        Assert.Equal(20, RecommendationSelection.Select(interactions, Cutoff, trainer, fewerFirst).Chosen.NeighborsPerItem);
    }

    [Fact]
    public void Validation_GrowsToFindEnoughCustomersAndTheDefaultIsKeptWithoutThem()
    {
        var trainer = new ListTrainer(new Dictionary<int, string[]> { [100] = ["wanted"] });
        var fortyDaysBack = Planted(("wanted", Cutoff - (40 * Day)));
        var tooFew = Planted(("wanted", Cutoff - Day)).Where(i => string.CompareOrdinal(i.CustomerId, "c050") < 0).ToList();

        var grown = RecommendationSelection.Select(fortyDaysBack, Cutoff, trainer);
        var kept = RecommendationSelection.Select(tooFew, Cutoff, trainer);

        Assert.Equal((Cutoff - (60 * Day), 100), (grown.ValidationSplit, grown.Chosen.NeighborsPerItem));
        Assert.Equal((null, new RecommendationOptions(), 0), (kept.ValidationSplit, kept.Chosen, kept.Candidates.Count));
    }

    /// <summary>
    /// <see cref="Customers"/> customers, each with a purchase of its own long before the cutoff, then a purchase of
    /// each given item at the given time.
    /// </summary>
    private static List<ItemInteraction> Planted(params (string Item, long At)[] purchases) =>
        [.. Enumerable.Range(0, Customers).SelectMany(c => purchases
            .Select(p => new ItemInteraction($"c{c:D3}", p.Item, null, InteractionKind.Purchase, p.At))
            .Prepend(new ItemInteraction($"c{c:D3}", $"first-{c}", null, InteractionKind.Purchase, 100 * Day)))];
}
