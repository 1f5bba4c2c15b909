using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.MlCheck;

/// <summary>
/// What keeping only each item's largest EASE weights costs: the chosen λ on the same validation split with 10, 20,
/// 50 and 100 weights per item and with every positive weight. Read on validation only, like the choice, and not
/// part of it: the table says whether the stored form loses anything, it does not pick the count.
/// </summary>
internal static class RecommendationSparsification
{
    private static readonly int[] Kept = [10, 20, 50, 100, int.MaxValue];

    public static void Write(TextWriter output, IReadOnlyList<ItemInteraction> interactions, RecommendationChoice choice, long cutoff, IRecommendationTrainer trainer, OurFigures figures)
    {
        if (choice.Chosen.Method != RecommendationMethod.Ease || choice.ValidationSplit is not { } split)
        {
            return;
        }

        var training = interactions.Where(i => i.At < cutoff).ToList();
        var rows = Kept.Select(count =>
        {
            var options = choice.Chosen with { NeighborsPerItem = count };
            var quality = RecommendationEvaluation.Evaluate(training, split, RecommendationSelection.K, trainer, options).Model;
            var name = count == int.MaxValue ? "all" : $"{count}";
            figures.Add($"rec_sparsified_precision_at_10_k{name}", quality.PrecisionAtK);
            return new[] { RecommendationLabels.Of(options), $"{quality.Customers:N0}", RecommendationCheck.F(quality.PrecisionAtK), RecommendationCheck.F(quality.RecallAtK) };
        });
        output.WriteLine($"The chosen EASE with fewer or more weights kept per item, on the same validation split (the stored model keeps {choice.Chosen.NeighborsPerItem}):");
        output.WriteLine();
        MarkdownTable.Write(output, ["kept", "customers", $"precision@{RecommendationSelection.K}", $"recall@{RecommendationSelection.K}"], rows.ToList());
    }
}
