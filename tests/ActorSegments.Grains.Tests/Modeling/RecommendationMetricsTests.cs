using System.Text.Json;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Grains.Modeling;

namespace ActorSegments.Grains.Tests.Modeling;

public sealed class RecommendationMetricsTests
{
    private static readonly RecommendationOptions Ease = new() { Method = RecommendationMethod.Ease, NeighborsPerItem = 20, EaseRegularization = 1000 };

    [Fact]
    public void TheStoredModel_ReportsTheMethodItWasTrainedWithNextToTheChoice()
    {
        var quality = new RecommendationQuality(120, 0.09, 0.1);
        var choice = Choice(quality);
        // Chosen EASE, but the final catalog outgrew its limit: the trainer fell back to item-kNN.
        var fellBack = Ease with { Method = RecommendationMethod.ItemKnn };

        using var json = JsonDocument.Parse(RecommendationMetrics.Json(500, Evaluation(quality), choice, choice, Trained(fellBack, choice.Chosen), 4_000, catalogLoaded: false));
        var root = json.RootElement;

        Assert.Equal(("item_knn", 20, JsonValueKind.Null), (root.GetProperty("method").GetString(), root.GetProperty("neighbors_per_item").GetInt32(), root.GetProperty("ease_lambda").ValueKind));
        var chosen = root.GetProperty("selection").GetProperty("chosen");
        Assert.Equal(("ease", 1000.0), (chosen.GetProperty("method").GetString(), chosen.GetProperty("ease_lambda").GetDouble()));
        var candidates = root.GetProperty("evaluated_selection").GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["item_knn", "ease"], candidates.Select(c => c.GetProperty("settings").GetProperty("method").GetString()));
    }

    [Fact]
    public void TheMetrics_ReportTheBlendAndEachSegmentForEveryModel()
    {
        var quality = new RecommendationQuality(120, 0.09, 0.1);
        var choice = Choice(quality);

        using var json = JsonDocument.Parse(RecommendationMetrics.Json(500, Evaluation(quality), choice, choice, Trained(Ease, choice.Chosen), 4_000, catalogLoaded: true));
        var root = json.RootElement;

        Assert.Equal(("loaded", 0.2, 0.5, 1.0), (
            root.GetProperty("catalog").GetString(),
            root.GetProperty("blend").GetProperty("repeat").GetProperty("content_weight").GetDouble(),
            root.GetProperty("blend").GetProperty("repeat").GetProperty("unsold_share").GetDouble(),
            root.GetProperty("blend").GetProperty("thin").GetProperty("content_weight").GetDouble()));
        Assert.Equal((0.09, 0.04), (root.GetProperty("collaborative_precision_at_k").GetDouble(), root.GetProperty("popularity_precision_at_k").GetDouble()));
        Assert.Equal(80, root.GetProperty("segments").GetProperty("hybrid").GetProperty("new_items").GetProperty("customers").GetInt32());
        var blends = root.GetProperty("selection").GetProperty("blend_candidates").EnumerateArray().ToList();
        Assert.Equal([0.0, 0.2], blends.Select(b => b.GetProperty("blend").GetProperty("content_weight").GetDouble()));
    }

    private static HybridChoice Choice(RecommendationQuality quality) => new(
        new RecommendationChoice(Ease, 1_000, [new(new RecommendationOptions(), quality), new(Ease, quality with { PrecisionAtK = 0.1 })]),
        new HybridOptions { Repeat = new Blend(0.2, 0.5), Thin = new Blend(1, 0) },
        1_000,
        [new BlendCandidate(Blend.Collaborative, quality, quality), new BlendCandidate(new Blend(0.2, 0.5), quality with { PrecisionAtK = 0.1 }, quality)]);

    private static HybridEvaluationResult Evaluation(RecommendationQuality quality)
    {
        var segmented = new SegmentedQuality(quality, quality with { Customers = 80 }, quality with { Customers = 30 });
        return new HybridEvaluationResult(10, segmented with { Overall = quality with { PrecisionAtK = 0.11 } }, segmented, segmented with { Overall = quality with { PrecisionAtK = 0.04 } });
    }

    private static HybridModel Trained(RecommendationOptions options, HybridOptions blend) =>
        new(new OptionsOnly(options), ContentModel.Train([], ContentOptions.Default), blend, new HashSet<string>());

    private sealed class OptionsOnly(RecommendationOptions options) : IRecommendationModel
    {
        public RecommendationOptions Options => options;

        public IReadOnlyList<string> Recommend(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) => [];

        public IReadOnlyList<ItemVote> Votes(IReadOnlyList<ItemInteraction> history, IReadOnlySet<string> exclude, int count) => [];

        public IEnumerable<RecommendedItem> Fallback(IReadOnlyList<ItemInteraction> history) => [];

        public IReadOnlyList<string> Popular(int count) => [];

        public byte[] Serialize() => [];
    }
}
