namespace ActorSegments.BenchSupport;

/// <summary>
/// The one percentile definition of every bench figure: the nearest rank. The <c>p</c> percentile of <c>n</c> samples
/// is the <c>ceil(p·n)</c>-th smallest, the smallest sample that at least a fraction <c>p</c> of the samples do not
/// exceed (numpy's <c>method="inverted_cdf"</c>, Hyndman and Fan's type 1); the median is the 0.5 percentile, so of
/// an even count it is the lower of the two middle samples.
/// </summary>
/// <remarks>
/// Why this one: a figure is always a value that was measured, never one between two samples — "p99 12.3 ms" is a
/// call that took 12.3 ms, and the median of three runs is the middle run, so a ratio of two medians compares two
/// runs that happened. It is what latency tools such as HdrHistogram report, and it is what the load generator and
/// the alias, erasure and webhook benchmarks already reported, so their published percentiles keep their meaning.
/// NaN samples (a figure a run could not measure) are left out; no samples at all give NaN.
/// </remarks>
public static class Percentiles
{
    /// <summary>The nearest-rank percentile <paramref name="fraction"/> (0 to 1) of <paramref name="samples"/>, in any order.</summary>
    public static double Of(IEnumerable<double> samples, double fraction)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (fraction is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A percentile is a fraction from 0 to 1.");
        }

        var sorted = samples.Where(s => !double.IsNaN(s)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        // The 0 percentile is the smallest sample (rank 0 clamped to the first).
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The 0.5 percentile: the middle sample, or the lower of the two middle samples of an even count.</summary>
    public static double Median(IEnumerable<double> samples) => Of(samples, 0.5);
}
