using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Tests.Modeling;

/// <summary>Percentiles from a scoring pass's distribution against the direct computation over the same scores.</summary>
public sealed class ScoreDistributionTests
{
    private static double[] RandomScores(int seed, int count)
    {
        // Rounded to 4 decimals like the propensity job's scores, and skewed so that many customers share a score.
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Math.Round(Math.Pow(random.NextDouble(), 3), random.Next(2) == 0 ? 4 : 2))];
    }

    private static double Direct(double[] scores, double score) => 100.0 * scores.Count(s => s < score) / scores.Length;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 37)]
    [InlineData(3, 5_000)]
    public void PercentileOf_EveryScoreAndScoresBetweenThem_IsTheShareStrictlyBelow(int seed, int count)
    {
        var scores = RandomScores(seed, count);
        var distribution = ScoreDistribution.Of(scores)!;
        double[] between = [-1, 0, 0.00005, 0.5, 0.99999, 1, 2];

        Assert.Equal(count, distribution.Customers);
        Assert.Equal(scores.Distinct().Count(), distribution.DistinctScores);
        Assert.All(scores.Concat(between), s => Assert.Equal(Direct(scores, s), distribution.PercentileOf(s), 12));
    }

    [Fact]
    public void PercentileOf_ACutThroughATie_LeavesTheWholeTieOut_SoTheTopShareIsNeverExceeded()
    {
        // Ten customers: seven at 0.1, three at 0.9. Only 70% score below 0.9, so percentile >= 80 takes nobody rather
        // than 30% of them, and percentile >= 70 takes the three.
        double[] scores = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9];
        var distribution = ScoreDistribution.Of(scores)!;

        Assert.Equal((0.0, 70.0), (distribution.PercentileOf(0.1), distribution.PercentileOf(0.9)));
        Assert.Null(distribution.CutAt(80));
        Assert.Equal(0.9, distribution.CutAt(70));
        Assert.Equal(0.1, distribution.CutAt(0));
    }

    [Fact]
    public void CutAt_IsTheLowestScoreReachingThePercentile()
    {
        var scores = RandomScores(4, 2_000);
        var distribution = ScoreDistribution.Of(scores)!;

        foreach (var percentile in new[] { 1.0, 50, 80, 90, 95, 99 })
        {
            var direct = scores.Distinct().Order().First(s => Direct(scores, s) >= percentile);
            Assert.Equal(direct, distribution.CutAt(percentile));
        }
    }

    [Fact]
    public void Bytes_RoundTrip_AndMalformedBytesAreRefused()
    {
        var scores = RandomScores(5, 1_000);
        var distribution = ScoreDistribution.Of(scores)!;

        var read = ScoreDistribution.FromBytes(distribution.ToBytes());

        Assert.Equal((distribution.Customers, distribution.DistinctScores), (read.Customers, read.DistinctScores));
        Assert.All(scores, s => Assert.Equal(distribution.PercentileOf(s), read.PercentileOf(s)));
        var bytes = distribution.ToBytes();
        Assert.Throws<FormatException>(() => ScoreDistribution.FromBytes(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<FormatException>(() => ScoreDistribution.FromBytes([2, 1, 0, 0, 0]));
        var unordered = new ScoreDistributionBytes([(0.5, 1), (0.2, 1)]);
        Assert.Throws<FormatException>(() => ScoreDistribution.FromBytes(unordered.Bytes));
    }

    [Fact]
    public void Of_NoScoresIsNull_AndANonFiniteScoreIsRefused()
    {
        Assert.Null(ScoreDistribution.Of([]));
        Assert.Throws<ArgumentException>(() => ScoreDistribution.Of([0.1, double.NaN]));
    }

    /// <summary>The stored form written by hand, to feed the reader what the writer would never produce.</summary>
    private sealed class ScoreDistributionBytes((double Score, long Count)[] values)
    {
        public byte[] Bytes
        {
            get
            {
                var bytes = new byte[5 + (values.Length * 16)];
                bytes[0] = 1;
                BitConverter.TryWriteBytes(bytes.AsSpan(1), values.Length);
                for (var i = 0; i < values.Length; i++)
                {
                    BitConverter.TryWriteBytes(bytes.AsSpan(5 + (i * 16)), values[i].Score);
                    BitConverter.TryWriteBytes(bytes.AsSpan(13 + (i * 16)), values[i].Count);
                }

                return bytes;
            }
        }
    }
}
