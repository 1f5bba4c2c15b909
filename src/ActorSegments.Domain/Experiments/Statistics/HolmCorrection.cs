namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>
/// Holm's step-down adjustment, which keeps the chance of any false positive among several arms at α (family-wise)
/// under any dependence between the tests, and is uniformly more powerful than Bonferroni. With the p-values sorted
/// p(1) ≤ … ≤ p(m): adjusted p(i) = max over j ≤ i of min(1, (m − j + 1)·p(j)). Matches statsmodels'
/// multipletests(method="holm"). Valid for always-valid p-values too, as it only needs each p-value to be valid.
/// </summary>
public static class HolmCorrection
{
    /// <summary>The adjusted p-values, in the order of <paramref name="pValues"/>.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(pValues), "every p-value must be between 0 and 1.");
        }

        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[pValues.Count];
        var running = 0.0;
        for (var rank = 0; rank < order.Length; rank++)
        {
            // The running maximum keeps the adjusted values in the order of the raw ones.
            running = Math.Max(running, Math.Min(1, (order.Length - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
