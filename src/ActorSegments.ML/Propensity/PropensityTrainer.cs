using ActorSegments.Domain.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ActorSegments.ML.Propensity;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree) with Platt-calibrated probabilities, the size of scikit-learn's
/// GradientBoostingClassifier defaults (100 trees, learning rate 0.1, depth 3 = at most 8 leaves) so the two are
/// comparable; evaluated on the holdout with <see cref="PropensityEvaluation"/>.
/// </summary>
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
        var data = PropensityRow.Load(context, train.Rows, train.Labels);
        var transformer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = NumberOfTrees,
            NumberOfLeaves = NumberOfLeaves,
            LearningRate = LearningRate,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf,
            // One thread: the same data and seed give the same model, byte for byte.
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
