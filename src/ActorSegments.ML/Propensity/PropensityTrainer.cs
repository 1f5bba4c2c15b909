using ActorSegments.Domain.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ActorSegments.ML.Propensity;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree) with Platt-calibrated probabilities, the size of scikit-learn's
/// GradientBoostingClassifier defaults (100 trees, learning rate 0.1, depth 3 = at most 8 leaves) so the two are
/// comparable; evaluated on the holdout with <see cref="PropensityEvaluation"/>.
/// </summary>
/// <remarks>
/// Why FastTree: on the UCI Online Retail data (4,338 customers, monthly training cutoffs, the last complete window as
/// holdout) FastTree and LightGbm of this size score the same holdout AUC to within 0.001 (purchase_30d 0.742 both,
/// scikit-learn 0.743; churn_60d 0.740 both, scikit-learn 0.725 to 0.732 by seed), so the choice rests on the rest:
/// FastTree on one thread gives the same scores for the same data and seed, and it needs no LightGBM native library.
/// One example per leaf is scikit-learn's default; 10 or 20 moved the AUC by less than 0.001.
/// </remarks>
public sealed class PropensityTrainer : IPropensityTrainer
{
    public const int NumberOfTrees = 100;
    public const int NumberOfLeaves = 8;
    public const double LearningRate = 0.1;
    public const int MinimumExampleCountPerLeaf = 1;

    public static string Description { get; } =
        $"FastTree ({NumberOfTrees} trees, {NumberOfLeaves} leaves, learning rate {LearningRate}, at least {MinimumExampleCountPerLeaf} example per leaf; Platt-calibrated)";

    public PropensityTraining Train(PropensityDataset train, PropensityDataset holdout, PropensityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(options);
        var width = PropensityDataChecks.Width(train, holdout);
        PropensityDataChecks.EnsureEnough(train, "training", options);
        PropensityDataChecks.EnsureEnough(holdout, "holdout", options);

        var context = new MLContext(options.Seed);
        // FastTree cannot be interrupted; a cancellation is honored before and after fitting.
        cancellationToken.ThrowIfCancellationRequested();
        var data = PropensityRow.Load(context, train.Rows, train.Labels, width);
        var transformer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = NumberOfTrees,
            NumberOfLeaves = NumberOfLeaves,
            LearningRate = LearningRate,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf,
            // One thread: the same data and seed give the same trees (the payload differs only in its zip timestamps).
            NumberOfThreads = 1,
        }).Fit(data);
        cancellationToken.ThrowIfCancellationRequested();

        using var payload = new MemoryStream();
        context.Model.Save(transformer, data.Schema, payload);
        var model = new PooledScoringModel(context, transformer, width);
        var probabilities = holdout.Rows.Select(row => model.Score(row)).ToArray();
        var metrics = PropensityEvaluation.Evaluate(probabilities, holdout.Labels, options.Threshold);
        return new PropensityTraining(model, payload.ToArray(), metrics, Description);
    }
}
