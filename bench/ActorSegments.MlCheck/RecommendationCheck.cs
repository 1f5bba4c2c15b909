using System.Globalization;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Storage;
using ActorSegments.ML.Recommendations;

namespace ActorSegments.MlCheck;

/// <summary>
/// Item-to-item recommendations on the time split, as the service evaluates them (<see cref="RecommendationEvaluation"/>):
/// trained on the product interactions before the split, scored on each earlier customer's purchases after it of
/// items new to that customer, against the most popular items of the training period.
/// </summary>
internal static class RecommendationCheck
{
    public const int K = 10;

    /// <summary>The goal: the model's precision@10 at least this many times popularity's.</summary>
    public const double GoalRatio = 2;

    public static void Run(TextWriter output, IReadOnlyList<CustomerHistory> histories, OurFigures figures)
    {
        var interactions = ItemInteractions.From(histories, BehaviorModel.Default).ToList();
        var result = RecommendationEvaluation.Evaluate(interactions, CheckDates.Split, K, new ItemToItemRecommender(), new RecommendationOptions());
        var (model, popularity) = (result.Model, result.Popularity);
        var ratio = popularity.PrecisionAtK == 0 ? double.PositiveInfinity : model.PrecisionAtK / popularity.PrecisionAtK;

        output.WriteLine("## Recommendations");
        output.WriteLine();
        output.WriteLine($"Interactions: {interactions.Count:N0} purchased lines; trained on those before {CsvExport.Date(CheckDates.Split)}, tested on purchases from then of items new to the customer.");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["", "customers", $"precision@{K}", $"recall@{K}"],
            [
                ["item-to-item", $"{model.Customers:N0}", F(model.PrecisionAtK), F(model.RecallAtK)],
                ["popularity", $"{popularity.Customers:N0}", F(popularity.PrecisionAtK), F(popularity.RecallAtK)],
            ]);
        output.WriteLine($"Precision ratio (model / popularity): {F(ratio, "0.00")}; goal at least {GoalRatio:0}: {(ratio >= GoalRatio ? "met" : "not met")}.");
        output.WriteLine();

        figures.Add("rec_customers", model.Customers);
        figures.Add("rec_precision_at_10", model.PrecisionAtK);
        figures.Add("rec_recall_at_10", model.RecallAtK);
        figures.Add("rec_popularity_precision_at_10", popularity.PrecisionAtK);
        figures.Add("rec_popularity_recall_at_10", popularity.RecallAtK);
        figures.Add("rec_precision_ratio", ratio);
    }

    private static string F(double value, string format = "0.0000") => value.ToString(format, CultureInfo.InvariantCulture);
}
