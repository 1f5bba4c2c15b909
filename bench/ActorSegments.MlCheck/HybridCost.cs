using System.Diagnostics;
using System.Globalization;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.ML.Recommendations;

namespace ActorSegments.MlCheck;

/// <summary>
/// What the hybrid recommender costs to train and to score on a synthetic shop (<see cref="HybridCostData"/>):
/// <c>hybrid-cost [ITEMS] [CUSTOMERS]</c> (default 100,000 items, 10,000 customers). Training is the whole
/// <see cref="HybridSelection.Train"/> (collaborative selection, content model, blend selection, final model), as the
/// recommendation job runs it twice; then its parts measured alone: the collaborative selection, the content model,
/// the final collaborative model; the blend selection is the rest. Scoring asks for 10 items with reasons for up to
/// 2,000 customers. Writes a markdown row; what was chosen and on how many validation customers to the log.
/// </summary>
internal static class HybridCost
{
    private const int Seed = 31;

    private const int Scored = 2_000;

    public static void Run(IReadOnlyList<string> args, TextWriter output, TextWriter log)
    {
        var items = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var customers = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var (catalog, interactions) = HybridCostData.Generate(items, customers, Seed);
        var trainer = new ItemToItemRecommender();
        var dataHeap = GC.GetTotalMemory(forceFullCollection: true);

        var total = TrainingCost.Measure(() => HybridSelection.Train(interactions, HybridCostData.End, trainer, ContentCatalog.Loaded(catalog, ContentOptions.Default).At));
        var (model, choice) = total.Result;
        if (choice.ValidationSplit is null)
        {
            throw new InvalidOperationException("No validation split: the hybrid kept its unvalidated default, and its cost is not the job's.");
        }

        var sold = model.Sold.Count;
        var validation = RecommendationTargets.Of(interactions, choice.ValidationSplit.Value).Count;
        log.WriteLine($"[hybrid-cost] {items:N0} items, {customers:N0} customers, {interactions.Count:N0} interactions on {sold:N0} items; validated on {validation:N0} customers; chose {choice.Collaborative.Chosen.Method} n{choice.Collaborative.Chosen.NeighborsPerItem}, {choice.Chosen.Repeat} for repeat customers, {choice.Chosen.Thin} for thin ones");

        var collaborative = TrainingCost.Measure(() => RecommendationSelection.Select(interactions, HybridCostData.End, trainer));
        var content = TrainingCost.Measure(() => ContentModel.Train(catalog, ContentOptions.Default));
        var final = TrainingCost.Measure(() => trainer.Train(interactions, choice.Collaborative.Chosen));
        var blends = total.Elapsed - collaborative.Elapsed - content.Elapsed - final.Elapsed;
        log.WriteLine($"[hybrid-cost] allocated: collaborative selection {collaborative.AllocatedBytes / 1e6:N0} MB, content {content.AllocatedBytes / 1e6:N0} MB, final collaborative model {final.AllocatedBytes / 1e6:N0} MB, the rest (blend selection) {(total.AllocatedBytes - collaborative.AllocatedBytes - content.AllocatedBytes - final.AllocatedBytes) / 1e6:N0} MB");

        var histories = interactions.GroupBy(i => i.CustomerId, StringComparer.Ordinal).Take(Scored).Select(g => g.ToList()).ToList();
        var clock = Stopwatch.StartNew();
        var recommended = 0;
        foreach (var history in histories)
        {
            var bought = history.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
            recommended += model.Recommend(history, bought, RecommendationSelection.K).Count;
        }

        var perCustomer = clock.Elapsed.TotalMilliseconds / Math.Max(1, histories.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {items:N0} items ({sold:N0} sold, {interactions.Count:N0} interactions) | {total.Elapsed.TotalSeconds:F1} s | {collaborative.Elapsed.TotalSeconds:F1} s | {content.Elapsed.TotalSeconds:F1} s | {final.Elapsed.TotalSeconds:F1} s | {blends.TotalSeconds:F1} s | {total.AllocatedBytes / 1e6:N0} MB | {total.HeapAfterBytes / 1e6:N0} MB ({dataHeap / 1e6:N0} MB data) | {perCustomer:F2} ms ({histories.Count:N0} customers, {recommended:N0} items) |"));
    }
}
