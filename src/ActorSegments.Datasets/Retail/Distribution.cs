namespace ActorSegments.Datasets.Retail;

/// <summary>Five-number summary and total of a set of values, in exact decimal arithmetic.</summary>
/// <remarks>
/// Quartiles interpolate linearly between order statistics at position (n - 1) p: numpy's default and Python's
/// <c>statistics.quantiles(method="inclusive")</c>, the definition the published figures use.
/// </remarks>
public sealed record Distribution(decimal Min, decimal Q1, decimal Median, decimal Q3, decimal Max, decimal Sum)
{
    public static Distribution Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A distribution needs at least one value.", nameof(values));
        }

        return new Distribution(
            sorted[0],
            Quantile(sorted, 0.25m),
            Quantile(sorted, 0.5m),
            Quantile(sorted, 0.75m),
            sorted[^1],
            sorted.Sum());
    }

    /// <summary>The <paramref name="p"/> quantile (0 to 1) of ascending <paramref name="sorted"/> values.</summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = (sorted.Count - 1) * p;
        var lower = (int)decimal.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
