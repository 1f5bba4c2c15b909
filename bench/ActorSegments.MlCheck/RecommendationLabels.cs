using System.Globalization;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>How the check names a recommendation candidate in its tables and in <c>ours.csv</c>.</summary>
internal static class RecommendationLabels
{
    public static string Of(RecommendationOptions options) => (options.Method == RecommendationMethod.Ease
        ? string.Create(CultureInfo.InvariantCulture, $"EASE λ {options.EaseRegularization:0}, {Kept(options)} weights per item")
        : $"item-kNN, {options.NeighborsPerItem} neighbors per item") + Recency(options);

    /// <summary>
    /// The suffix of its validation figures: <c>n20</c> for item-kNN with 20 neighbors, <c>ease1000</c> for EASE with
    /// λ 1000, then <c>h120</c> when interactions are weighted by recency with a half-life of 120 days.
    /// </summary>
    public static string FigureSuffix(RecommendationOptions options) => (options.Method == RecommendationMethod.Ease
        ? string.Create(CultureInfo.InvariantCulture, $"ease{options.EaseRegularization:0}")
        : $"n{options.NeighborsPerItem}") + (options.TrainingHalfLifeDays is { } days ? string.Create(CultureInfo.InvariantCulture, $"h{days:0}") : "");

    private static string Recency(RecommendationOptions options) =>
        options.TrainingHalfLifeDays is { } days ? string.Create(CultureInfo.InvariantCulture, $", recency half-life {days:0} days") : "";

    private static string Kept(RecommendationOptions options) => options.NeighborsPerItem == int.MaxValue ? "all positive" : $"{options.NeighborsPerItem}";
}
