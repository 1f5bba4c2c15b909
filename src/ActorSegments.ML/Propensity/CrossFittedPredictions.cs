using System.IO.Hashing;
using System.Text;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Propensity;

/// <summary>
/// Out-of-fold predictions for every training row: the rows are cut into <see cref="Folds"/> parts, by customer when
/// the set names them (a customer's rows at every cutoff in one part) and by position otherwise, and each part is scored
/// by a model fitted on the others. What a calibrator is fitted on: predictions for rows the model did not learn from,
/// as the holdout and live customers will be, without giving up any training row for the final model.
/// </summary>
internal static class CrossFittedPredictions
{
    public const int Folds = 5;

    public static double[] Of(PropensityDataset train, Func<IReadOnlyList<float[]>, IReadOnlyList<bool>, IScoringModel> fit)
    {
        var fold = new int[train.Rows.Count];
        for (var i = 0; i < fold.Length; i++)
        {
            fold[i] = train.Groups is { } groups ? (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(groups[i])) % Folds) : i % Folds;
        }

        var predictions = new double[fold.Length];
        for (var f = 0; f < Folds; f++)
        {
            var inFold = Enumerable.Range(0, fold.Length).Where(i => fold[i] == f).ToArray();
            if (inFold.Length == 0)
            {
                continue;
            }

            var rest = Enumerable.Range(0, fold.Length).Where(i => fold[i] != f).ToArray();
            var model = fit([.. rest.Select(i => train.Rows[i])], [.. rest.Select(i => train.Labels[i])]);
            foreach (var i in inFold)
            {
                predictions[i] = model.Score(train.Rows[i]);
            }
        }

        return predictions;
    }
}
