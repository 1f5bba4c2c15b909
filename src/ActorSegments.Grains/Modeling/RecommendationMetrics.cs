using System.Text.Json;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// The metrics JSON of a recommendation model version: the holdout evaluation of the hybrid against its collaborative
/// part alone and popularity (overall, on items new after the split, for customers with one order), the stored model's
/// settings, and both selections' validation tables: the one made before the holdout (for the evaluated model) and the
/// one made on every interaction (for the stored model). The stored collaborative method can differ from the choice's
/// only when EASE was asked for above its item limit and the trainer fell back to item-kNN.
/// </summary>
internal static class RecommendationMetrics
{
    public static string Json(long holdoutSplit, HybridEvaluationResult evaluation, HybridChoice evaluated, HybridChoice stored, HybridModel trained, int interactions, bool catalogLoaded) =>
        JsonSerializer.Serialize(new
        {
            split = DateTimeOffset.FromUnixTimeSeconds(holdoutSplit),
            k = evaluation.K,
            customers = evaluation.Hybrid.Overall.Customers,
            precision_at_k = evaluation.Hybrid.Overall.PrecisionAtK,
            recall_at_k = evaluation.Hybrid.Overall.RecallAtK,
            collaborative_precision_at_k = evaluation.Collaborative.Overall.PrecisionAtK,
            collaborative_recall_at_k = evaluation.Collaborative.Overall.RecallAtK,
            popularity_precision_at_k = evaluation.Popularity.Overall.PrecisionAtK,
            popularity_recall_at_k = evaluation.Popularity.Overall.RecallAtK,
            segments = new
            {
                hybrid = Segments(evaluation.Hybrid),
                collaborative = Segments(evaluation.Collaborative),
                popularity = Segments(evaluation.Popularity),
            },
            interactions,
            catalog = catalogLoaded ? "loaded" : "derived from events",
            catalog_items = trained.Content.Items,
            method = Method(trained.Collaborative.Options),
            neighbors_per_item = trained.Collaborative.Options.NeighborsPerItem,
            ease_lambda = trained.Collaborative.Options.Method == RecommendationMethod.Ease ? trained.Collaborative.Options.EaseRegularization : (double?)null,
            blend = Blends(trained.Options),
            selection = Selection(stored),
            evaluated_selection = Selection(evaluated),
        });

    private static object Segments(SegmentedQuality quality) => new
    {
        all_items = Quality(quality.Overall),
        new_items = Quality(quality.NewItems),
        one_order = Quality(quality.OnePurchase),
    };

    private static object Quality(RecommendationQuality quality) => new
    {
        customers = quality.Customers,
        precision_at_k = quality.PrecisionAtK,
        recall_at_k = quality.RecallAtK,
    };

    private static object Blends(HybridOptions options) => new { repeat = Blend(options.Repeat), thin = Blend(options.Thin) };

    private static object Blend(Blend blend) => new { content_weight = blend.ContentWeight, unsold_share = blend.UnsoldShare };

    private static object Selection(HybridChoice choice) => new
    {
        // Null when too few customers could be validated and the default settings were kept.
        validation_split = choice.Collaborative.ValidationSplit is { } split ? DateTimeOffset.FromUnixTimeSeconds(split) : (DateTimeOffset?)null,
        chosen = Settings(choice.Collaborative.Chosen),
        candidates = choice.Collaborative.Candidates.Select(c => new
        {
            settings = Settings(c.Options),
            customers = c.Validation.Customers,
            precision_at_k = c.Validation.PrecisionAtK,
            recall_at_k = c.Validation.RecallAtK,
        }),
        blend = Blends(choice.Chosen),
        blend_candidates = choice.Candidates.Select(c => new
        {
            blend = Blend(c.Blend),
            repeat = Quality(c.Repeat),
            thin = Quality(c.Thin),
        }),
    };

    private static object Settings(RecommendationOptions options) => new
    {
        method = Method(options),
        neighbors_per_item = options.NeighborsPerItem,
        ease_lambda = options.Method == RecommendationMethod.Ease ? options.EaseRegularization : (double?)null,
    };

    private static string Method(RecommendationOptions options) => options.Method == RecommendationMethod.Ease ? "ease" : "item_knn";
}
