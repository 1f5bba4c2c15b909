using System.Diagnostics;
using System.Globalization;
using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.MlCheck;

/// <summary>
/// The hybrid (collaborative and content blended, <see cref="HybridSelection"/>) on the Online Retail time split, with
/// each catalog the content check uses: the blend is chosen on validation inside the data before the split (the
/// interactions after it are never passed in), then the hybrid trained on everything before the split is evaluated
/// there like the other models. Writes the validation table of each choice to the log.
/// </summary>
internal static class HybridCheck
{
    public static (SegmentedQuality Quality, PairedDifference AgainstCollaborative) Evaluate(string name, IReadOnlyList<ItemInteraction> interactions, IReadOnlyList<CatalogItem> catalog, IRecommendationTrainer trainer, TextWriter log)
    {
        var before = interactions.Where(i => i.At < CheckDates.Split).ToList();
        var clock = Stopwatch.StartNew();
        // The choice sees the catalog as the data before the split knows it (items some interaction named by then, as the
        // service dates a derived catalog); the evaluated model then gets the catalog under test, which for the shop's
        // catalog lists items before their first sale.
        var choice = HybridSelection.Select(before, CheckDates.Split, trainer, ContentCatalog.Derived(catalog, before, ContentOptions.Default).At);
        var model = new HybridModel(trainer.Train(before, choice.Collaborative.Chosen), ContentModel.Train(catalog, ContentOptions.Default), choice.Chosen, HybridSelection.Sold(before));
        var trained = clock.Elapsed;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[hybrid] {name}: chose {choice.Chosen.Repeat} for repeat customers, {choice.Chosen.Thin} for thin ones in {trained.TotalSeconds:F1} s, validation from {DateTimeOffset.FromUnixTimeSeconds(choice.ValidationSplit ?? 0):yyyy-MM-dd}"));
        foreach (var candidate in choice.Candidates)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[hybrid]   w {candidate.Blend.ContentWeight,-4} unsold {candidate.Blend.UnsoldShare,-4} repeat customers {candidate.Repeat.Customers} p@10 {candidate.Repeat.PrecisionAtK:F4} | thin {candidate.Thin.Customers} p@10 {candidate.Thin.PrecisionAtK:F4}"));
        }

        var scoring = Stopwatch.StartNew();
        var customers = 0;
        var quality = SegmentedEvaluation.Evaluate(interactions, CheckDates.Split, RecommendationSelectionK, t =>
        {
            customers++;
            return model.RecommendIds(t.History, t.Bought, RecommendationSelectionK);
        });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[hybrid] {name}: {scoring.Elapsed.TotalMilliseconds / Math.Max(1, customers):F3} ms per customer scored"));
        return (quality, PairedDifference.Of(RecommendationTargets.Of(interactions, CheckDates.Split), t =>
            Precision(model.RecommendIds(t.History, t.Bought, RecommendationSelectionK), t) - Precision(model.Collaborative.Recommend(t.History, t.Bought, RecommendationSelectionK), t)));
    }

    private static double Precision(IReadOnlyList<string> recommended, RecommendationTarget target) =>
        (double)recommended.Take(RecommendationSelectionK).Count(target.Relevant.Contains) / RecommendationSelectionK;

    private const int RecommendationSelectionK = RecommendationSelection.K;
}
