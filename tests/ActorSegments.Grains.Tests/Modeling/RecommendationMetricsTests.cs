using System.Text.Json;
using ActorSegments.Domain.Modeling;
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
        var choice = new RecommendationChoice(Ease, 1_000, [new(new RecommendationOptions(), quality), new(Ease, quality with { PrecisionAtK = 0.1 })]);
        var evaluation = new RecommendationEvaluationResult(10, quality, quality with { PrecisionAtK = 0.04 });
        // Chosen EASE, but the final catalog outgrew its limit: the trainer fell back to item-kNN.
        var fellBack = Ease with { Method = RecommendationMethod.ItemKnn };

        using var json = JsonDocument.Parse(RecommendationMetrics.Json(500, evaluation, choice, choice, fellBack, 4_000));
        var root = json.RootElement;

        Assert.Equal(("item_knn", 20, JsonValueKind.Null), (root.GetProperty("method").GetString(), root.GetProperty("neighbors_per_item").GetInt32(), root.GetProperty("ease_lambda").ValueKind));
        var chosen = root.GetProperty("selection").GetProperty("chosen");
        Assert.Equal(("ease", 1000.0), (chosen.GetProperty("method").GetString(), chosen.GetProperty("ease_lambda").GetDouble()));
        var candidates = root.GetProperty("evaluated_selection").GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["item_knn", "ease"], candidates.Select(c => c.GetProperty("settings").GetProperty("method").GetString()));
    }
}
