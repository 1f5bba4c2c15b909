using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Propensity;

namespace ActorSegments.ML.Tests.Propensity;

public sealed class PropensityTrainerTests
{
    private static readonly Lazy<(PropensityDataset Train, PropensityDataset Holdout, PropensityTraining Training)> Planted = new(() =>
    {
        var (train, holdout) = PlantedPurchases.Datasets(customers: 1500, seed: 5);
        return (train, holdout, new PropensityTrainer().Train(train, holdout, new PropensityOptions()));
    });

    [Fact]
    public void APlantedSignal_IsFoundAndRanksTheHoldoutWell()
    {
        var (_, holdout, training) = Planted.Value;
        var metrics = training.Holdout;
        var baseRate = (double)holdout.Positives / holdout.Rows.Count;

        Assert.True(metrics.Auc >= 0.75, $"AUC {metrics.Auc:F3}");
        Assert.True(metrics.Brier < baseRate * (1 - baseRate), $"Brier {metrics.Brier:F3} is no better than always predicting the base rate {baseRate:F3}");
        Assert.Equal(holdout.Rows.Count, metrics.Rows);
        Assert.Equal(holdout.Positives, metrics.Positives);
        Assert.Equal(metrics.Rows, metrics.Calibration.Sum(b => b.Count));
        Assert.Contains("FastTree", training.Trainer, StringComparison.Ordinal);
    }

    [Fact]
    public void ASavedModel_ScoresExactlyLikeTheTrainedOne()
    {
        var (_, holdout, training) = Planted.Value;

        var loaded = new PropensityModelLoader().Load(training.Payload);

        Assert.All(holdout.Rows, row => Assert.Equal(training.Model.Score(row), loaded.Score(row)));
        Assert.Contains(holdout.Rows, row => training.Model.Score(row) != training.Model.Score(holdout.Rows[0]));
    }

    [Fact]
    public void CalibrationOnOutOfFoldPredictions_DoesNotWorsenTheHoldoutBrierAndKeepsTheRanking()
    {
        var (_, _, training) = Planted.Value;
        var before = training.Uncalibrated!;

        Assert.True(training.Holdout.Brier <= before.Brier + 0.001, $"Brier {before.Brier:F4} before calibration, {training.Holdout.Brier:F4} after");
        Assert.InRange(training.Holdout.Auc - before.Auc, -0.005, 0.005);
        Assert.NotNull(training.Calibration);
    }

    [Fact]
    public void APayloadSavedBeforeCalibration_StillLoadsAsTheBareClassifier()
    {
        var (_, holdout, training) = Planted.Value;
        var (calibrator, zip) = PropensityPayload.Read(training.Payload);
        var classifier = ((CalibratedScoringModel)training.Model).Classifier;

        var old = new PropensityModelLoader().Load(zip.ToArray());

        Assert.NotNull(calibrator);
        Assert.Equal(holdout.Rows[0].Length, old.Width);
        Assert.All(holdout.Rows, row => Assert.Equal(classifier.Score(row), old.Score(row)));
        Assert.Contains(holdout.Rows, row => old.Score(row) != training.Model.Score(row));
    }

    [Fact]
    public void TrainingAgainOnTheSameData_GivesTheSameScores()
    {
        var (train, holdout, training) = Planted.Value;

        var again = new PropensityTrainer().Train(train, holdout, new PropensityOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(training.Holdout.Auc, again.Holdout.Auc);
        Assert.All(holdout.Rows, row => Assert.Equal(training.Model.Score(row), again.Model.Score(row)));
    }

    [Fact]
    public void ScoringFromManyThreads_GivesTheSameAnswersAsFromOne()
    {
        var (_, holdout, training) = Planted.Value;
        var model = new PropensityModelLoader().Load(training.Payload);
        var expected = holdout.Rows.Select(row => model.Score(row)).ToArray();

        var actual = new double[expected.Length];
        Parallel.For(0, 4 * expected.Length, i => actual[i % expected.Length] = model.Score(holdout.Rows[i % expected.Length]));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TooFewPositivesInTraining_AreRefusedWithTheCountAndTheThreshold()
    {
        var (train, holdout, _) = Planted.Value;
        var rows = train.Rows.Where((_, i) => !train.Labels[i]).Take(290).Concat(train.Rows.Where((_, i) => train.Labels[i]).Take(12)).ToList();
        var labels = Enumerable.Repeat(false, 290).Concat(Enumerable.Repeat(true, 12)).ToList();

        var error = Assert.Throws<InsufficientDataException>(() =>
            new PropensityTrainer().Train(new PropensityDataset(rows, labels), holdout, new PropensityOptions(), TestContext.Current.CancellationToken));

        Assert.Equal("Not enough data in the training set for a propensity model: 12 positives (at least 30 needed).", error.Message);
    }

    [Fact]
    public void ASmallHoldout_IsRefusedToo()
    {
        var (train, holdout, _) = Planted.Value;
        var small = new PropensityDataset(holdout.Rows.Take(50).ToList(), holdout.Labels.Take(50).ToList());

        var error = Assert.Throws<InsufficientDataException>(() =>
            new PropensityTrainer().Train(train, small, new PropensityOptions(), TestContext.Current.CancellationToken));

        Assert.StartsWith("Not enough data in the holdout set for a propensity model: 50 rows (at least 200 needed)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowOfAnotherWidth_IsRefused()
    {
        var (train, holdout, _) = Planted.Value;
        var odd = new PropensityDataset([.. holdout.Rows.Take(299), new float[3]], holdout.Labels.Take(300).ToList());

        Assert.Throws<ArgumentException>(() => new PropensityTrainer().Train(train, odd, new PropensityOptions(), TestContext.Current.CancellationToken));
    }
}
