using System.Diagnostics;
using System.Globalization;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Storage;
using ActorSegments.ML.Recommendations;

namespace ActorSegments.MlCheck;

/// <summary>
/// Content-based recommendations on the Online Retail time split, next to the collaborative model and popularity on
/// the same customers: overall, on items new after the split and for customers with one order before it
/// (<see cref="SegmentedEvaluation"/>). The catalog is derived from the product lines' descriptions
/// (<see cref="CatalogFromEvents"/>), as the service does for a workspace without one; the rows are exported for
/// bench/ml/content_peer.py.
/// </summary>
internal static class ContentCheck
{
    private const int K = RecommendationSelection.K;

    public static void Run(string dataPath, string outputDirectory, TextWriter output, TextWriter log)
    {
        Directory.CreateDirectory(outputDirectory);
        var journal = RetailJournal.Read(dataPath, 1);
        var interactions = ItemInteractions.From(journal.Histories, BehaviorModel.Default).ToList();
        var catalog = CatalogFromEvents.Derive(journal.Histories, BehaviorModel.Default);
        var catalogBefore = CatalogFromEvents.Derive(journal.Histories.Select(Before), BehaviorModel.Default);
        ContentExport.Write(outputDirectory, interactions, catalog, catalogBefore);
        log.WriteLine($"[content] {interactions.Count:N0} interactions, {catalog.Count:N0} items ({catalogBefore.Count:N0} seen before the split)");

        var rows = new List<IReadOnlyList<string>>();
        var figures = new OurFigures();
        foreach (var (name, items) in new[] { ("content, catalog of the whole year", catalog), ("content, catalog of items seen before the split", catalogBefore) })
        {
            var cost = TrainingCost.Measure(() => ContentModel.Train(items, ContentOptions.Default));
            var model = cost.Result;
            var scoring = Stopwatch.StartNew();
            var customers = 0;
            var quality = SegmentedEvaluation.Evaluate(interactions, CheckDates.Split, K, target =>
            {
                customers++;
                return [.. model.Recommend(target.History, model.Exclusions(target.History), K).Select(s => s.ItemId)];
            });
            var perCustomer = scoring.Elapsed.TotalMilliseconds / Math.Max(1, customers);
            log.WriteLine($"[content] {name}: {items.Count:N0} items trained in {cost.Elapsed.TotalMilliseconds:F0} ms, {cost.AllocatedBytes / 1e6:F1} MB allocated; {perCustomer:F3} ms per customer scored");
            rows.AddRange(Rows(name, quality));
            figures.AddQuality(items == catalog ? "content" : "content_before", quality);
        }

        var trainer = new ItemToItemRecommender();
        var choice = RecommendationSelection.Select(interactions, CheckDates.Split, trainer);
        var reference = RecommendationEvaluation.Evaluate(interactions, CheckDates.Split, K, trainer, choice.Chosen);
        var collaborative = trainer.Train(interactions.Where(i => i.At < CheckDates.Split), choice.Chosen);
        var cf = SegmentedEvaluation.Evaluate(interactions, CheckDates.Split, K, t => collaborative.Recommend(t.History, t.Bought, K));
        var popularity = SegmentedEvaluation.Evaluate(interactions, CheckDates.Split, K, t => [.. collaborative.Popular(K + t.Bought.Count).Where(i => !t.Bought.Contains(i)).Take(K)]);
        if (Math.Abs(cf.Overall.PrecisionAtK - reference.Model.PrecisionAtK) > 1e-12 || Math.Abs(popularity.Overall.PrecisionAtK - reference.Popularity.PrecisionAtK) > 1e-12)
        {
            throw new InvalidOperationException("The segmented evaluation disagrees with RecommendationEvaluation on the same customers.");
        }

        var gaps = new List<string>();
        foreach (var (name, items, prefix) in new[] { ("hybrid, catalog of the whole year", catalog, "hybrid"), ("hybrid, catalog of items seen before the split", catalogBefore, "hybrid_before") })
        {
            var (hybrid, gap) = HybridCheck.Evaluate(name, interactions, items, trainer, log);
            rows.AddRange(Rows(name, hybrid));
            figures.AddQuality(prefix, hybrid);
            gaps.Add($"- {name}, precision@{K} minus the collaborative model's, customer by customer: {gap}");
        }

        rows.AddRange(Rows($"collaborative, {RecommendationLabels.Of(choice.Chosen)}", cf));
        rows.AddRange(Rows("popularity", popularity));
        figures.AddQuality("collaborative", cf);
        figures.AddQuality("popularity", popularity);

        output.WriteLine("## Content-based recommendations");
        output.WriteLine();
        MarkdownTable.Write(output, ["model", "segment", "customers", $"precision@{K}", $"recall@{K}"], rows);
        output.WriteLine();
        gaps.ForEach(output.WriteLine);
        output.WriteLine();
        figures.Write(Path.Combine(outputDirectory, "content_ours.csv"));
        output.WriteLine($"Rows for bench/ml/content_peer.py written to {outputDirectory}.");
    }

    private static CustomerHistory Before(CustomerHistory history) =>
        history with { Entries = [.. history.Entries.Where(e => e.Record.OccurredAt.ToUnixTimeSeconds() < CheckDates.Split)] };

    private static IEnumerable<IReadOnlyList<string>> Rows(string model, SegmentedQuality quality) =>
    [
        Row(model, "all items", quality.Overall),
        Row(model, "items new after the split", quality.NewItems),
        Row(model, "customers with one order", quality.OnePurchase),
    ];

    private static IReadOnlyList<string> Row(string model, string segment, RecommendationQuality q) =>
        [model, segment, q.Customers.ToString("N0", CultureInfo.InvariantCulture), RecommendationCheck.F(q.PrecisionAtK), RecommendationCheck.F(q.RecallAtK)];

    private static void AddQuality(this OurFigures figures, string prefix, SegmentedQuality quality)
    {
        foreach (var (segment, q) in new[] { ("all", quality.Overall), ("new_items", quality.NewItems), ("one_order", quality.OnePurchase) })
        {
            figures.Add($"{prefix}_{segment}_customers", q.Customers);
            figures.Add($"{prefix}_{segment}_precision_at_10", q.PrecisionAtK);
            figures.Add($"{prefix}_{segment}_recall_at_10", q.RecallAtK);
        }
    }
}
