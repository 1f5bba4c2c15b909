using ActorSegments.ML.Cohorts;

namespace ActorSegments.ML.Tests.Cohorts;

public sealed class SilhouetteTests
{
    [Theory]
    [InlineData(1, 40, 3, 2)]
    [InlineData(2, 60, 5, 4)]
    [InlineData(3, 25, 2, 6)]
    public void Score_RandomData_EqualsTheDefinition(int seed, int count, int dimensions, int clusters)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => i < clusters ? i : random.Next(clusters)).ToArray();

        Assert.Equal(Naive(points, labels), Silhouette.Score(points, labels), 1e-9);
    }

    [Fact]
    public void Score_SingletonCluster_ScoresZeroForItsPoint()
    {
        float[][] points = [[0], [1], [10], [11], [30]];
        int[] labels = [0, 0, 1, 1, 2];

        // By hand: each pair member is 1 from its partner and at least 9 from the other pair; the singleton scores 0.
        double[] values = [1 - (1.0 / 10.5), 1 - (1.0 / 9.5), 1 - (1.0 / 9.5), 1 - (1.0 / 10.5), 0];
        Assert.Equal(values.Average(), Silhouette.Score(points, labels), 1e-12);
    }

    [Fact]
    public void Score_OneCluster_IsZero() => Assert.Equal(0, Silhouette.Score([[0f], [1f], [2f]], [0, 0, 0]));

    [Fact]
    public void Scores_SeveralLabellings_EachEqualsItsOwnScore()
    {
        var random = new Random(4);
        var points = Enumerable.Range(0, 50).Select(_ => new[] { (float)random.NextDouble(), (float)random.NextDouble() }).ToArray();
        int[][] labelings = [.. Enumerable.Range(2, 3).Select(k => Enumerable.Range(0, 50).Select(i => i % k).ToArray())];

        var scores = Silhouette.Scores(points, labelings);

        Assert.Equal(labelings.Select(l => Silhouette.Score(points, l)), scores);
        Assert.Equal(3, scores.Distinct().Count());
    }

    /// <summary>The textbook definition, point by point, with no shared work.</summary>
    private static double Naive(float[][] points, int[] labels)
    {
        var total = 0.0;
        for (var i = 0; i < points.Length; i++)
        {
            double MeanDistance(int cluster) => Enumerable.Range(0, points.Length)
                .Where(j => j != i && labels[j] == cluster)
                .Average(j => Math.Sqrt(points[i].Zip(points[j], (x, y) => ((double)x - y) * ((double)x - y)).Sum()));

            if (labels.Count(l => l == labels[i]) == 1)
            {
                continue;
            }

            var a = MeanDistance(labels[i]);
            var b = labels.Distinct().Where(c => c != labels[i]).Min(MeanDistance);
            total += (b - a) / Math.Max(a, b);
        }

        return total / points.Length;
    }
}
