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
/// <see cref="HybridSelection.Train"/>, as the recommendation job runs it twice, split within that one run into its
/// collaborative trainings (every candidate, the model the blends are chosen with, the final model), the content model,
/// and the rest (scoring the validation customers for each collaborative candidate and each blend); then, for
/// comparison, the collaborative selection alone (<see cref="RecommendationSelection.Select"/>), what a job without
/// content would run. Scoring asks for 10 items with reasons for up to 2,000 customers. Writes a markdown row, and
/// what was chosen on how many validation customers to the log.
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
        var trainer = new RecommendationTimedTrainer(new ItemToItemRecommender());
        var contents = ContentCatalog.Loaded(catalog, ContentOptions.Default);
        var (contentTime, contentBytes) = (TimeSpan.Zero, 0L);
        ContentModel ContentAt(long time)
        {
            var (allocated, clock) = (GC.GetTotalAllocatedBytes(precise: true), Stopwatch.StartNew());
            var model = contents.At(time);
            (contentTime, contentBytes) = (contentTime + clock.Elapsed, contentBytes + GC.GetTotalAllocatedBytes(precise: true) - allocated);
            return model;
        }

        var dataHeap = GC.GetTotalMemory(forceFullCollection: true);
        var total = TrainingCost.Measure(() => HybridSelection.Train(interactions, HybridCostData.End, trainer, ContentAt));
        var (model, choice) = total.Result;
        if (choice.ValidationSplit is null)
        {
            throw new InvalidOperationException("No validation split: the hybrid kept its unvalidated default, and its cost is not the job's.");
        }

        var (trainings, trainingTime, trainingBytes) = (trainer.Trainings, trainer.TotalDuration, trainer.TotalAllocatedBytes);
        var scoringTime = total.Elapsed - trainingTime - contentTime;
        var validation = RecommendationTargets.Of(interactions, choice.ValidationSplit.Value).Count;
        log.WriteLine($"[hybrid-cost] {items:N0} items, {customers:N0} customers, {interactions.Count:N0} interactions, {model.Sold.Count:N0} items sold; validated on {validation:N0} customers; chose {choice.Collaborative.Chosen.Method} n{choice.Collaborative.Chosen.NeighborsPerItem} λ{choice.Collaborative.Chosen.EaseRegularization}, {choice.Chosen.Repeat} for repeat customers, {choice.Chosen.Thin} for thin ones");
        log.WriteLine($"[hybrid-cost] allocated: {trainings} collaborative trainings {trainingBytes / 1e6:N0} MB, content {contentBytes / 1e6:N0} MB, validation scoring {(total.AllocatedBytes - trainingBytes - contentBytes) / 1e6:N0} MB");

        var collaborative = TrainingCost.Measure(() => RecommendationSelection.Select(interactions, HybridCostData.End, new ItemToItemRecommender()));

        var histories = interactions.GroupBy(i => i.CustomerId, StringComparer.Ordinal).Take(Scored).Select(g => g.ToList()).ToList();
        var clock = Stopwatch.StartNew();
        var recommended = 0;
        foreach (var history in histories)
        {
            var bought = history.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
            recommended += model.Recommend(history, bought, RecommendationSelection.K).Count;
        }

        var perCustomer = clock.Elapsed.TotalMilliseconds / Math.Max(1, histories.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {items:N0} items ({model.Sold.Count:N0} sold, {customers:N0} customers) | {total.Elapsed.TotalSeconds:F1} s | {trainings} × collaborative {trainingTime.TotalSeconds:F1} s | content {contentTime.TotalSeconds:F1} s | validation scoring {scoringTime.TotalSeconds:F1} s | {collaborative.Elapsed.TotalSeconds:F1} s, {collaborative.AllocatedBytes / 1e6:N0} MB | {total.AllocatedBytes / 1e6:N0} MB | {total.HeapAfterBytes / 1e6:N0} MB ({dataHeap / 1e6:N0} MB data) | {perCustomer:F2} ms ({histories.Count:N0} customers, {recommended:N0} items) |"));
    }
}
