using ActorSegments.Domain.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ActorSegments.ML.Propensity;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree) the size of scikit-learn's GradientBoostingClassifier defaults (100 trees,
/// learning rate 0.1, depth 3 = at most 8 leaves) so the two are comparable, with probabilities calibrated by isotonic
/// regression on predictions for training rows the trees did not see (<see cref="CrossFittedPredictions"/>); evaluated
/// on the holdout with <see cref="PropensityEvaluation"/>, before and after calibration.
/// </summary>
/// <remarks>
/// Why FastTree: on the UCI Online Retail data (4,338 customers, monthly training cutoffs, the last complete window as
/// holdout) FastTree and LightGbm of this size score the same holdout AUC to within 0.001 (purchase_30d 0.742 both,
/// scikit-learn 0.743; churn_60d 0.740 both, scikit-learn 0.725 to 0.732 by seed), so the choice rests on the rest:
/// FastTree on one thread gives the same scores for the same data and seed, and it needs no LightGBM native library.
/// One example per leaf is scikit-learn's default; 10 or 20 moved the AUC by less than 0.001.
/// Why recalibrate: FastTree's own Platt calibration is fitted on the rows the trees were grown on, where they look
/// surer than they are on new customers.
/// </remarks>
public sealed class PropensityTrainer : IPropensityTrainer
{
    public const int NumberOfTrees = 100;
    public const int NumberOfLeaves = 8;
    public const double LearningRate = 0.1;
    public const int MinimumExampleCountPerLeaf = 1;

    public static string Description { get; } =
        $"FastTree ({NumberOfTrees} trees, {NumberOfLeaves} leaves, learning rate {LearningRate}, at least {MinimumExampleCountPerLeaf} example per leaf), isotonic-calibrated";

    public static string CalibrationDescription { get; } =
        $"isotonic regression (linear between blocks) on out-of-fold predictions of the training rows, {CrossFittedPredictions.Folds} folds by customer";

    public PropensityTraining Train(PropensityDataset train, PropensityDataset holdout, PropensityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(options);
        var width = PropensityDataChecks.Width(train, holdout);
        PropensityDataChecks.EnsureEnough(train, "training", options);
        PropensityDataChecks.EnsureEnough(holdout, "holdout", options);

        var context = new MLContext(options.Seed);
        var outOfFold = CrossFittedPredictions.Of(train, (rows, labels) => Fit(context, rows, labels, width, cancellationToken).Model);
        var calibrator = IsotonicCalibrator.Fit(outOfFold, train.Labels);

        var (transformer, schema, classifier) = Fit(context, train.Rows, train.Labels, width, cancellationToken);
        using var zip = new MemoryStream();
        context.Model.Save(transformer, schema, zip);
        var model = new CalibratedScoringModel(classifier, calibrator);
        var raw = holdout.Rows.Select(row => classifier.Score(row)).ToArray();
        var calibrated = raw.Select(calibrator.Apply).ToArray();
        return new PropensityTraining(model, PropensityPayload.Write(calibrator, zip.ToArray()), PropensityEvaluation.Evaluate(calibrated, holdout.Labels, options.Threshold), Description)
        {
            Uncalibrated = PropensityEvaluation.Evaluate(raw, holdout.Labels, options.Threshold),
            Calibration = CalibrationDescription,
        };
    }

    private static (ITransformer Transformer, DataViewSchema Schema, PooledScoringModel Model) Fit(MLContext context, IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, int width, CancellationToken cancellationToken)
    {
        // FastTree cannot be interrupted; a cancellation is honored before and after each fit.
        cancellationToken.ThrowIfCancellationRequested();
        var data = PropensityRow.Load(context, rows, labels, width);
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
        return (transformer, data.Schema, new PooledScoringModel(context, transformer, width));
    }
}
