
namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// A time-split evaluation: train on the interactions before the split, then ask for k items for each customer who
/// had a history before it and afterwards bought something new to them; those new purchases are what a good list
/// contains. The baseline is the k most popular items of the training period the customer had not bought.
/// </summary>
public static class RecommendationEvaluation
{
    public static RecommendationEvaluationResult Evaluate(
        IReadOnlyList<ItemInteraction> all,
        long splitTime,
        int k,
        IRecommendationTrainer trainer,
        RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var before = all.Where(i => i.At < splitTime).ToList();
        var model = trainer.Train(before, options);
        var histories = before.GroupBy(i => i.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var purchasesAfter = all
            .Where(i => i.At >= splitTime && i.Kind == InteractionKind.Purchase && histories.ContainsKey(i.CustomerId))
            .GroupBy(i => i.CustomerId, StringComparer.Ordinal);

        var modelScore = new Score();
        var popularityScore = new Score();
        foreach (var customer in purchasesAfter.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var history = histories[customer.Key];
            var bought = history.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
            var relevant = customer.Select(i => i.ItemId).Where(item => !bought.Contains(item)).ToHashSet(StringComparer.Ordinal);
            if (relevant.Count == 0)
            {
                continue;
            }

            modelScore.Add(model.Recommend(history, bought, k), relevant, k);
            popularityScore.Add([.. model.Popular(k + bought.Count).Where(item => !bought.Contains(item)).Take(k)], relevant, k);
        }

        return new RecommendationEvaluationResult(k, modelScore.Quality, popularityScore.Quality);
    }

    private sealed class Score
    {
        private int _customers;
        private double _precision;
        private double _recall;

        public RecommendationQuality Quality => _customers == 0 ? new(0, 0, 0) : new(_customers, _precision / _customers, _recall / _customers);

        public void Add(IReadOnlyList<string> recommended, HashSet<string> relevant, int k)
        {
            var hits = recommended.Count(relevant.Contains);
            _customers++;
            _precision += (double)hits / k;
            _recall += (double)hits / relevant.Count;
        }
    }
}
