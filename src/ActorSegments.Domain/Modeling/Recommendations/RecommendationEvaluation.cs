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
        var model = trainer.Train(all.Where(i => i.At < splitTime), options);
        var modelScore = new PrecisionRecallTally();
        var popularityScore = new PrecisionRecallTally();
        foreach (var target in RecommendationTargets.Of(all, splitTime))
        {
            modelScore.Add(model.Recommend(target.History, target.Bought, k), target.Relevant, k);
            popularityScore.Add([.. model.Popular(k + target.Bought.Count).Where(item => !target.Bought.Contains(item)).Take(k)], target.Relevant, k);
        }

        return new RecommendationEvaluationResult(k, modelScore.Quality, popularityScore.Quality);
    }
}
