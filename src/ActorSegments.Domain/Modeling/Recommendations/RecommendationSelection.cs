namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// Chooses a recommendation model's settings the way they can be chosen in production: on a time split inside the
/// training data. Only the interactions before the given cutoff are read; the last <see cref="ValidationDays"/> of them
/// are held out as validation, each candidate is trained on what precedes it and scored by
/// <see cref="RecommendationEvaluation"/> (precision@10), and the best is chosen.
/// </summary>
/// <remarks>
/// Validation is the shortest of the last 30, 60 or 90 days that holds at least
/// <see cref="MinimumValidationCustomers"/> evaluable customers (a history before it and new purchases in it): fewer
/// make precision@10 too noisy to choose by, and with none of the three the default settings are kept unvalidated.
/// On equal precision the candidate listed first wins, the default being listed first: a change of settings has to
/// earn its place. EASE candidates are left out when the training data has more items than their
/// <see cref="RecommendationOptions.MaximumEaseItems"/>: the trainer would fall back to item-kNN, and the table would
/// credit EASE with item-kNN's figures.
/// </remarks>
public static class RecommendationSelection
{
    public const int K = 10;

    public const int ValidationDays = 30;

    public const int MinimumValidationCustomers = 100;

    /// <summary>How many times <see cref="ValidationDays"/> validation may grow to, to find enough customers.</summary>
    private const int MaximumWindows = 3;

    /// <summary>Precisions this close are equal: the same hits summed in another order differ in the last bits.</summary>
    private const double Tie = 1e-12;

    /// <summary>
    /// The default (item-kNN, 50 neighbors per item) first, then fewer neighbors before more; then EASE, its λ from
    /// weaker to stronger, 20 weights kept per item; then the same with interactions weighted by recency (half-life 120
    /// days: last season's co-purchases count more), item-kNN with 20 neighbors and EASE at each λ.
    /// </summary>
    public static IReadOnlyList<RecommendationOptions> DefaultCandidates { get; } =
    [
        new RecommendationOptions(),
        new RecommendationOptions { NeighborsPerItem = 10 },
        new RecommendationOptions { NeighborsPerItem = 20 },
        new RecommendationOptions { NeighborsPerItem = 100 },
        new RecommendationOptions { Method = RecommendationMethod.Ease, NeighborsPerItem = 20, EaseRegularization = 300 },
        new RecommendationOptions { Method = RecommendationMethod.Ease, NeighborsPerItem = 20, EaseRegularization = 1000 },
        new RecommendationOptions { Method = RecommendationMethod.Ease, NeighborsPerItem = 20, EaseRegularization = 3000 },
        new RecommendationOptions { NeighborsPerItem = 20, TrainingHalfLifeDays = RecencyHalfLifeDays },
        new RecommendationOptions { Method = RecommendationMethod.Ease, NeighborsPerItem = 20, EaseRegularization = 300, TrainingHalfLifeDays = RecencyHalfLifeDays },
        new RecommendationOptions { Method = RecommendationMethod.Ease, NeighborsPerItem = 20, EaseRegularization = 1000, TrainingHalfLifeDays = RecencyHalfLifeDays },
        new RecommendationOptions { Method = RecommendationMethod.Ease, NeighborsPerItem = 20, EaseRegularization = 3000, TrainingHalfLifeDays = RecencyHalfLifeDays },
    ];

    /// <summary>The half-life of the recency-weighted candidates, in days.</summary>
    public const double RecencyHalfLifeDays = 120;

    /// <summary>Chooses among <paramref name="candidates"/> (<see cref="DefaultCandidates"/> when null) on the interactions before <paramref name="cutoff"/>.</summary>
    public static RecommendationChoice Select(
        IEnumerable<ItemInteraction> interactions,
        long cutoff,
        IRecommendationTrainer trainer,
        IReadOnlyList<RecommendationOptions>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(trainer);
        candidates ??= DefaultCandidates;
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count, nameof(candidates));
        var training = interactions.Where(i => i.At < cutoff).ToList();
        var items = training.Select(i => i.ItemId).Distinct(StringComparer.Ordinal).Count();
        // Only what the trainer would really train on this catalog; the default item-kNN if that leaves nothing.
        candidates = candidates.Where(c => c.MethodFor(items) == c.Method).ToList() is { Count: > 0 } trainable ? trainable : [new RecommendationOptions()];
        if (ValidationSplit(training, cutoff) is not { } split)
        {
            return new RecommendationChoice(candidates[0], null, []);
        }

        var results = candidates
            .Select(options => new RecommendationCandidate(options, RecommendationEvaluation.Evaluate(training, split, K, trainer, options).Model))
            .ToList();
        var best = results.Max(r => r.Validation.PrecisionAtK);
        return new RecommendationChoice(results.First(r => r.Validation.PrecisionAtK >= best - Tie).Options, split, results);
    }

    /// <summary>Chooses as <see cref="Select"/> does, then trains on every interaction before the cutoff with the choice.</summary>
    public static (IRecommendationModel Model, RecommendationChoice Choice) Train(
        IReadOnlyList<ItemInteraction> interactions,
        long cutoff,
        IRecommendationTrainer trainer,
        IReadOnlyList<RecommendationOptions>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(trainer);
        var choice = Select(interactions, cutoff, trainer, candidates);
        return (trainer.Train(interactions.Where(i => i.At < cutoff), choice.Chosen), choice);
    }

    private static long? ValidationSplit(IReadOnlyList<ItemInteraction> training, long cutoff)
    {
        for (var windows = 1; windows <= MaximumWindows; windows++)
        {
            var split = cutoff - (long)TimeSpan.FromDays(windows * ValidationDays).TotalSeconds;
            if (RecommendationTargets.Of(training, split).Count >= MinimumValidationCustomers)
            {
                return split;
            }
        }

        return null;
    }
}
