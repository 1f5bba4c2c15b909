using System.Text.Json;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// The metrics JSON of a recommendation model version: the holdout evaluation against popularity, the stored model's
/// settings, and both selections' validation tables: the one made before the holdout (for the evaluated model) and
/// the one made on every interaction (for the stored model). The stored model's own method can differ from the choice's
/// only when EASE was asked for above its item limit and the trainer fell back to item-kNN.
/// </summary>
internal static class RecommendationMetrics
{
    public static string Json(long holdoutSplit, RecommendationEvaluationResult evaluation, RecommendationChoice evaluated, RecommendationChoice stored, RecommendationOptions trained, int interactions) =>
        JsonSerializer.Serialize(new
        {
            split = DateTimeOffset.FromUnixTimeSeconds(holdoutSplit),
            k = evaluation.K,
            customers = evaluation.Model.Customers,
            precision_at_k = evaluation.Model.PrecisionAtK,
            recall_at_k = evaluation.Model.RecallAtK,
            popularity_precision_at_k = evaluation.Popularity.PrecisionAtK,
            popularity_recall_at_k = evaluation.Popularity.RecallAtK,
            interactions,
            method = Method(trained),
            neighbors_per_item = trained.NeighborsPerItem,
            ease_lambda = trained.Method == RecommendationMethod.Ease ? trained.EaseRegularization : (double?)null,
            selection = Selection(stored),
            evaluated_selection = Selection(evaluated),
        });

    private static object Selection(RecommendationChoice choice) => new
    {
        // Null when too few customers could be validated and the default settings were kept.
        validation_split = choice.ValidationSplit is { } split ? DateTimeOffset.FromUnixTimeSeconds(split) : (DateTimeOffset?)null,
        chosen = Settings(choice.Chosen),
        candidates = choice.Candidates.Select(c => new
        {
            settings = Settings(c.Options),
            customers = c.Validation.Customers,
            precision_at_k = c.Validation.PrecisionAtK,
            recall_at_k = c.Validation.RecallAtK,
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
