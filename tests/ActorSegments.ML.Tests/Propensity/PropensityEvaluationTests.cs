using ActorSegments.ML.Propensity;

namespace ActorSegments.ML.Tests.Propensity;

public sealed class PropensityEvaluationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Auc_IsTheShareOfPositiveNegativePairsOrderedRightWithTiesCountedHalf(int seed)
    {
        var random = new Random(seed);
        var count = 20 + random.Next(40);
        // Scores on a coarse grid, so that many pairs tie.
        var scores = Enumerable.Range(0, count).Select(_ => random.Next(6) / 5.0).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => random.NextDouble() < 0.3 + (0.4 * scores[i])).ToArray();

        double pairs = 0, wins = 0;
        for (var p = 0; p < count; p++)
        {
            for (var n = 0; n < count; n++)
            {
                if (labels[p] && !labels[n])
                {
                    pairs++;
                    wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(wins / pairs, PropensityEvaluation.Auc(scores, labels), 12);
    }

    [Fact]
    public void AucWithoutBothOutcomes_IsUndefined()
    {
        Assert.True(double.IsNaN(PropensityEvaluation.Auc([0.2, 0.4], [true, true])));
    }

    [Fact]
    public void PrecisionRecallBrierAndCalibration_FollowTheirDefinitions()
    {
        double[] probabilities = [0.05, 0.15, 0.18, 0.6, 0.7, 1.0];
        bool[] labels = [false, true, false, false, true, true];

        var metrics = PropensityEvaluation.Evaluate(probabilities, labels, threshold: 0.5);

        Assert.Equal(6, metrics.Rows);
        Assert.Equal(3, metrics.Positives);
        Assert.Equal(2 / 3.0, metrics.Precision, 12); // 0.6, 0.7, 1.0 predicted; 0.7 and 1.0 right
        Assert.Equal(2 / 3.0, metrics.Recall, 12); // 0.15 missed
        Assert.Equal((0.0025 + 0.7225 + 0.0324 + 0.36 + 0.09 + 0) / 6, metrics.Brier, 12);
        Assert.Equal(
            [(0.0, 1, 0.05, 0.0), (0.1, 2, 0.165, 0.5), (0.6, 1, 0.6, 0.0), (0.7, 1, 0.7, 1.0), (0.9, 1, 1.0, 1.0)],
            metrics.Calibration.Select(b => (Math.Round(b.From, 9), b.Count, Math.Round(b.MeanPredicted, 9), b.ObservedRate)));
    }
}
