using System.Text.Json;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// The metrics JSON of a recommendation model version: the holdout evaluation against popularity, the stored model's
/// settings, and both selections' validation tables: the one made before the holdout (for the evaluated model) and
/// the one made on every interaction (for the stored model).
/// </summary>
internal static class RecommendationMetrics
{
    public static string Json(long holdoutSplit, RecommendationEvaluationResult evaluation, RecommendationChoice evaluated, RecommendationChoice stored, int interactions) =>
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
            neighbors_per_item = stored.Chosen.NeighborsPerItem,
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

    private static object Settings(RecommendationOptions options) => new { neighbors_per_item = options.NeighborsPerItem };
}
