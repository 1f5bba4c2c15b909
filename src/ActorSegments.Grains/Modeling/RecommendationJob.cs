using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// Trains the hybrid recommender (<see cref="HybridSelection"/>: item-to-item collaborative filtering blended with the
/// content model of the workspace's catalog, or of the catalog derived from its events) from the journal's product
/// views, cart adds and purchases, every setting chosen on a validation split inside the training data; evaluates it
/// on the last 30 days against collaborative filtering alone and popularity, overall and by segment; stores the
/// version, and writes each customer's top items (never one it bought) with the reason for each back to its profile.
/// </summary>
public sealed class RecommendationJob(
    IJournalScan journal,
    IModelStore models,
    IRecommendationTrainer trainer,
    ICatalogStore catalogs,
    SegmentCatalog catalog,
    ModelOutputPusher pusher,
    TimeProvider clock,
    IOptions<ModelingOptions> options)
{
    private static readonly TimeSpan EvaluationWindow = TimeSpan.FromDays(30);
    private const int EvaluatedTop = RecommendationSelection.K;

    public async Task<int> TrainAsync(string workspaceId, ModelJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var model = (await catalog.GetAsync(workspaceId, cancellationToken)).Model;

        progress.Phase(ModelJobPhases.ReadingJournal);
        var loaded = new List<CatalogItem>();
        await foreach (var item in catalogs.ReadAllAsync(workspaceId, cancellationToken))
        {
            loaded.Add(item);
        }

        // A workspace that loaded a catalog says what it sells; only one without is given the catalog its events name.
        var derived = loaded.Count > 0 ? null : new CatalogFromEvents.Builder(model);
        var byCustomer = new List<(string CustomerId, ItemInteraction[] Interactions)>();
        await foreach (var history in JournalHistories.CustomersAsync(journal, workspaceId, cancellationToken))
        {
            derived?.Add(history);
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

        var content = derived is null ? ContentCatalog.Loaded(loaded, ContentOptions.Default) : ContentCatalog.Derived(derived.Items(), all, ContentOptions.Default);

        progress.Phase(ModelJobPhases.Evaluating);
        var end = all.Max(i => i.At);
        var holdout = end - (long)EvaluationWindow.TotalSeconds;
        // The evaluated model's settings are chosen on data before the holdout only, so the choice cannot flatter its figures.
        var evaluated = HybridSelection.Train(all, holdout, trainer, content.At);
        var evaluation = HybridEvaluation.Evaluate(all, holdout, EvaluatedTop, evaluated.Model);

        progress.Phase(ModelJobPhases.Training);
        // The stored model goes through the same procedure on every interaction (the holdout's days now its validation),
        // so the evaluation measured how it was made while its settings follow the freshest data. end + 1: the latest included.
        var (recommender, stored) = HybridSelection.Train(all, end + 1, trainer, content.At);
        var metrics = RecommendationMetrics.Json(holdout, evaluation, evaluated.Choice, stored, recommender, all.Count, loaded.Count > 0);
        var version = await models.AddAsync(workspaceId, ModelNames.Recommendations, "hybrid", metrics, HybridPayload.Write(recommender), distribution: null, cancellationToken);

        progress.Phase(ModelJobPhases.WritingRecommendations);
        progress.Update(s => s with { Customers = byCustomer.Count });
        var outputId = $"{ModelNames.Recommendations}-v{version.Version}";
        var at = clock.GetUtcNow();
        var count = options.Value.RecommendationsPerCustomer;
        var titles = content.Items.ToDictionary(item => item.Id, ItemTitle.Of, StringComparer.Ordinal);
        await pusher.PushAsync(
            workspaceId,
            AsyncSequence.From(byCustomer.Select(c =>
            {
                var bought = c.Interactions.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
                var items = recommender.Recommend(c.Interactions, bought, count);
                return (c.CustomerId, new ModelOutput(outputId, at)
                {
                    Recommendations = [.. items.Select(r => r.ItemId)],
                    RecommendationReasons = [.. items.Select(r => RecommendationReasonText.Of(r.Reason, titles.GetValueOrDefault))],
                });
            })),
            progress.Pushed,
            cancellationToken);
        return version.Version;
    }
}
