using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// Trains item-to-item recommendations (cosine item-kNN or EASE weights) from the journal's product views, cart adds
/// and purchases, with the method and its settings chosen on a validation split inside the training data (<see cref="RecommendationSelection"/>), evaluates them on
/// the last 30 days against popularity (precision@10, recall@10), stores the version, and writes each customer's
/// top items (never one it bought) back to its profile.
/// </summary>
public sealed class RecommendationJob(
    IJournalScan journal,
    IModelStore models,
    IRecommendationTrainer trainer,
    SegmentCatalog catalog,
    ModelOutputPusher pusher,
    TimeProvider clock,
    IOptions<ModelingOptions> options)
{
    private static readonly TimeSpan EvaluationWindow = TimeSpan.FromDays(30);
    private const int EvaluatedTop = 10;

    public async Task<int> TrainAsync(string workspaceId, ModelJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var model = (await catalog.GetAsync(workspaceId, cancellationToken)).Model;

        progress.Phase(ModelJobPhases.ReadingJournal);
        var byCustomer = new List<(string CustomerId, ItemInteraction[] Interactions)>();
        await foreach (var history in JournalHistories.CustomersAsync(journal, workspaceId, cancellationToken))
        {
            var interactions = ItemInteractions.From(history, model).ToArray();
            if (interactions.Length > 0)
            {
                byCustomer.Add((history.CustomerId, interactions));
            }
        }

        var all = byCustomer.SelectMany(c => c.Interactions).ToList();
        if (all.Count == 0)
        {
            throw new InsufficientDataException("Recommendations need product interactions (views, cart adds or purchases carrying a product id); the journal has none.");
        }

        progress.Phase(ModelJobPhases.Evaluating);
        var end = all.Max(i => i.At);
        var holdout = end - (long)EvaluationWindow.TotalSeconds;
        // The evaluated model's settings are chosen on data before the holdout only, so the choice cannot flatter its figures.
        var evaluated = RecommendationSelection.Select(all, holdout, trainer);
        var evaluation = RecommendationEvaluation.Evaluate(all, holdout, EvaluatedTop, trainer, evaluated.Chosen);

        progress.Phase(ModelJobPhases.Training);
        // The stored model goes through the same procedure on every interaction (the holdout's days now its validation),
        // so the evaluation measured how it was made while its settings follow the freshest data. end + 1: the latest included.
        var (recommender, stored) = RecommendationSelection.Train(all, end + 1, trainer);
        var metrics = RecommendationMetrics.Json(holdout, evaluation, evaluated, stored, recommender.Options, all.Count);
        var version = await models.AddAsync(workspaceId, ModelNames.Recommendations, "item-to-item", metrics, recommender.Serialize(), distribution: null, cancellationToken);

        progress.Phase(ModelJobPhases.WritingRecommendations);
        progress.Update(s => s with { Customers = byCustomer.Count });
        var outputId = $"{ModelNames.Recommendations}-v{version.Version}";
        var at = clock.GetUtcNow();
        var count = options.Value.RecommendationsPerCustomer;
        await pusher.PushAsync(
            workspaceId,
            AsyncSequence.From(byCustomer.Select(c =>
            {
                var bought = c.Interactions.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
                return (c.CustomerId, new ModelOutput(outputId, at) { Recommendations = recommender.Recommend(c.Interactions, bought, count) });
            })),
            progress.Pushed,
            cancellationToken);
        return version.Version;
    }
}
