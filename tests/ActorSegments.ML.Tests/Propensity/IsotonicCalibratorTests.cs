using ActorSegments.ML.Propensity;

namespace ActorSegments.ML.Tests.Propensity;

public sealed class IsotonicCalibratorTests
{
    /// <summary>
    /// Outcomes drawn at a true rate p, scored p³: the ranking is right, the probabilities far too low. A calibrator
    /// fitted on one sample must bring another sample's bins to their observed rates and lower its Brier score.
    /// </summary>
    private static (double[] Scores, bool[] Labels) Miscalibrated(int rows, int seed)
    {
        var random = new Random(seed);
        var scores = new double[rows];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var p = random.NextDouble();
            scores[i] = p * p * p;
            labels[i] = random.NextDouble() < p;
        }

        return (scores, labels);
    }

    [Fact]
    public void AMonotoneMiscalibratedScore_ComesOutCalibratedOnNewRowsWithABetterBrierAndTheSameRanking()
    {
        var (fitScores, fitLabels) = Miscalibrated(20_000, seed: 1);
        var (scores, labels) = Miscalibrated(20_000, seed: 2);

        var calibrator = IsotonicCalibrator.Fit(fitScores, fitLabels);
        var calibrated = scores.Select(calibrator.Apply).ToArray();
        var before = PropensityEvaluation.Evaluate(scores, labels, 0.5);
        var after = PropensityEvaluation.Evaluate(calibrated, labels, 0.5);

        Assert.True(before.Calibration.Max(b => Math.Abs(b.MeanPredicted - b.ObservedRate)) > 0.2);
        foreach (var bin in after.Calibration.Where(b => b.Count >= 500))
        {
            Assert.InRange(bin.MeanPredicted - bin.ObservedRate, -0.04, 0.04);
        }

        Assert.True(after.Brier < before.Brier - 0.02, $"Brier {before.Brier:0.0000} before, {after.Brier:0.0000} after");
        Assert.InRange(after.Auc - before.Auc, -0.002, 0.002);
    }

    [Fact]
    public void TheMap_NeverDecreasesAndStaysWithinTheObservedRates()
    {
        var (scores, labels) = Miscalibrated(5_000, seed: 3);
        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        var grid = Enumerable.Range(-5, 111).Select(i => i / 100.0).ToArray();
        var mapped = grid.Select(calibrator.Apply).ToArray();

        for (var i = 1; i < mapped.Length; i++)
        {
            Assert.True(mapped[i] >= mapped[i - 1], $"{grid[i]} maps to {mapped[i]} below {mapped[i - 1]}");
        }

        Assert.All(mapped, m => Assert.InRange(m, 0, 1));
    }

    [Fact]
    public void Violators_ArePooledIntoTheirMeanRate()
    {
        // Scores 0.1, 0.2, 0.3 with outcomes 1, 0, 0 then 0.4 with 1: the first three pool to 1/3.
        var calibrator = IsotonicCalibrator.Fit([0.1, 0.2, 0.3, 0.4], [true, false, false, true]);

        Assert.Equal([(0.2f, 1 / 3f), (0.4f, 1f)], calibrator.Points);
        Assert.Equal(1 / 3.0, calibrator.Apply(0.05), 6);
        Assert.Equal(2 / 3.0, calibrator.Apply(0.3), 5);
    }
}
