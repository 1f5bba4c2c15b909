using System.Globalization;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.Domain.Storage;
using ActorSegments.ML.Recommendations;

namespace ActorSegments.MlCheck;

/// <summary>
/// Item-to-item recommendations on the time split, as the service makes and evaluates them: the method (item-kNN or
/// EASE) and its settings chosen by
/// <see cref="RecommendationSelection"/> on the product interactions before the split only (its validation is the last
/// part of them), then trained on everything before the split with that choice and scored by
/// <see cref="RecommendationEvaluation"/> on each earlier customer's purchases after it of items new to that customer,
/// against the most popular items of the training period.
/// </summary>
internal static class RecommendationCheck
{
    public const int K = RecommendationSelection.K;

    /// <summary>The goal: the model's precision@10 at least this many times popularity's.</summary>
    public const double GoalRatio = 3;

    public static void Run(TextWriter output, IReadOnlyList<CustomerHistory> histories, OurFigures figures)
    {
        var interactions = ItemInteractions.From(histories, BehaviorModel.Default).ToList();
        var trainer = new RecommendationTimedTrainer(new ItemToItemRecommender());
        var choice = RecommendationSelection.Select(interactions, CheckDates.Split, trainer);
        var result = RecommendationEvaluation.Evaluate(interactions, CheckDates.Split, K, trainer, choice.Chosen);
        var (duration, allocated) = (trainer.LastDuration, trainer.LastAllocatedBytes);
        var (model, popularity) = (result.Model, result.Popularity);
        var ratio = popularity.PrecisionAtK == 0 ? double.PositiveInfinity : model.PrecisionAtK / popularity.PrecisionAtK;
        var items = interactions.Where(i => i.At < CheckDates.Split).Select(i => i.ItemId).Distinct(StringComparer.Ordinal).Count();

        output.WriteLine("## Recommendations");
        output.WriteLine();
        output.WriteLine($"Interactions: {interactions.Count:N0} purchased lines; settings chosen on those before {CsvExport.Date(CheckDates.Split)} only, then trained on all of those and tested on purchases from then of items new to the customer.");
        output.WriteLine();
        RecommendationChoiceTable.Write(output, choice, CheckDates.Split, figures);
        RecommendationSparsification.Write(output, interactions, choice, CheckDates.Split, trainer, figures);
        MarkdownTable.Write(
            output,
            ["", "customers", $"precision@{K}", $"recall@{K}"],
            [
                [RecommendationLabels.Of(choice.Chosen), $"{model.Customers:N0}", F(model.PrecisionAtK), F(model.RecallAtK)],
                ["popularity", $"{popularity.Customers:N0}", F(popularity.PrecisionAtK), F(popularity.RecallAtK)],
            ]);
        output.WriteLine($"Precision ratio (model / popularity): {F(ratio, "0.00")}; goal at least {GoalRatio:0}: {(ratio >= GoalRatio ? "met" : "not met")}.");
        output.WriteLine($"Training the tested model ({items:N0} items before the split): {F(duration.TotalSeconds, "0.0")} s, {allocated / 1e6:N0} MB allocated.");
        output.WriteLine();

        figures.Add("rec_neighbors_per_item", choice.Chosen.NeighborsPerItem);
        figures.Add("rec_ease_lambda", choice.Chosen.Method == RecommendationMethod.Ease ? choice.Chosen.EaseRegularization : 0);
        figures.Add("rec_half_life_days", choice.Chosen.TrainingHalfLifeDays ?? 0);
        figures.Add("rec_train_seconds", duration.TotalSeconds);
        figures.Add("rec_train_allocated_mb", allocated / 1e6);
        figures.Add("rec_customers", model.Customers);
        figures.Add("rec_precision_at_10", model.PrecisionAtK);
        figures.Add("rec_recall_at_10", model.RecallAtK);
        figures.Add("rec_popularity_precision_at_10", popularity.PrecisionAtK);
        figures.Add("rec_popularity_recall_at_10", popularity.RecallAtK);
        figures.Add("rec_precision_ratio", ratio);
    }

    internal static string F(double value, string format = "0.0000") => value.ToString(format, CultureInfo.InvariantCulture);
}
