using ActorSegments.BenchSupport;

namespace ActorSegments.Bench.Tests.Statistics;

/// <summary>
/// Expected values from numpy 1.24 (<c>/usr/bin/python3</c>), nearest rank being numpy's <c>method="inverted_cdf"</c>:
/// <code>
/// import numpy as np
/// a = [3, 1, 4, 1, 5, 9, 2, 6]
/// [np.quantile(a, p, method="inverted_cdf") for p in (0, 0.25, 0.5, 0.9, 0.99, 1)]          # 1 1 3 9 9 9
/// x = [((i * 7919) % 1000) * 0.37 + (i % 7) for i in range(1000)]
/// [np.quantile(x, p, method="inverted_cdf") for p in (0.5, 0.99, 0.999)]                     # 187.41 368.82 374.26
/// [np.quantile(x, p) for p in (0.5, 0.99, 0.999)]     # numpy's default (linear): 187.705 368.8259 374.26137
/// np.nanquantile([np.nan, 2, 1, 3], 0.5, method="inverted_cdf")                              # 2.0
/// </code>
/// </summary>
public sealed class PercentilesTests
{
    private static readonly double[] Small = [3, 1, 4, 1, 5, 9, 2, 6];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.25, 1)]
    [InlineData(0.5, 3)]
    [InlineData(0.9, 9)]
    [InlineData(0.99, 9)]
    [InlineData(1, 9)]
    public void Of_EightUnsortedSamples_MatchesNumpyInvertedCdf(double fraction, double expected) =>
        Assert.Equal(expected, Percentiles.Of(Small, fraction));

    [Theory]
    [InlineData(0.5, 187.41)]
    [InlineData(0.99, 368.82)]
    [InlineData(0.999, 374.26)]
    public void Of_AThousandLatencies_MatchesNumpyInvertedCdfNotItsLinearDefault(double fraction, double expected)
    {
        var latencies = Enumerable.Range(0, 1000).Select(i => (((i * 7919) % 1000) * 0.37) + (i % 7));

        var percentile = Percentiles.Of(latencies, fraction);

        Assert.Equal(expected, percentile);
        Assert.Contains(percentile, latencies);
    }

    [Fact]
    public void Median_EvenCount_IsTheLowerMiddleSampleNotTheMeanOfTheTwo() =>
        Assert.Equal(3, Percentiles.Median(Small));

    [Fact]
    public void Median_OddCount_IsTheMiddleSample() =>
        Assert.Equal(30, Percentiles.Median([50, 10, 40, 20, 30]));

    [Fact]
    public void Median_NaNSamples_AreLeftOut() =>
        Assert.Equal(2, Percentiles.Median([double.NaN, 2, 1, 3]));

    [Fact]
    public void Of_NoSamples_IsNaN() =>
        Assert.True(double.IsNaN(Percentiles.Of([], 0.99)));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Of_FractionOutsideZeroToOne_Throws(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(Small, fraction));
}
