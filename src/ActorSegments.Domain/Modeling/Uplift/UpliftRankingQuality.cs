namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>How well one ranking of an experiment's evaluation customers finds the ones a message moves.</summary>
/// <param name="Ranking">What ranked them: <c>uplift</c>, <c>propensity</c> or <c>random</c>.</param>
/// <param name="QiniCoefficient">See <see cref="QiniCurve.Coefficient"/>; random targeting's is 0 by definition.</param>
/// <param name="UpliftAt">Uplift among the top k% (<see cref="UpliftAtK"/>), by k.</param>
/// <param name="QiniDeciles">The curve's incremental conversions at each decile of the population targeted (10%, ..., 100%).</param>
public sealed record UpliftRankingQuality(string Ranking, double QiniCoefficient, IReadOnlyDictionary<int, double?> UpliftAt, IReadOnlyList<double> QiniDeciles)
{
    /// <summary>The k of the uplift at k reported.</summary>
    public static IReadOnlyList<int> Percents { get; } = [10, 20, 30];

    public static UpliftRankingQuality Of(string ranking, IReadOnlyList<UpliftObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var curve = QiniCurve.Of(observations);
        return new UpliftRankingQuality(
            ranking,
            curve.Coefficient,
            Percents.ToDictionary(k => k, k => UpliftAtK.Of(observations, k)),
            [.. Enumerable.Range(1, 10).Select(d => IncrementalAt(curve, d / 10.0))]);
    }

    /// <summary>
    /// Targeting at random: the straight line of the Qini curve and, at every k, the overall difference, which is what
    /// a random k% gets on average.
    /// </summary>
    public static UpliftRankingQuality Random(IReadOnlyList<UpliftObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var overall = UpliftAtK.Overall(observations);
        var total = QiniCurve.Of(observations).Total;
        return new UpliftRankingQuality("random", 0, Percents.ToDictionary(k => k, _ => overall), [.. Enumerable.Range(1, 10).Select(d => total * d / 10.0)]);
    }

    /// <summary>The curve read at a fraction targeted, between its points on a straight line.</summary>
    private static double IncrementalAt(QiniCurve curve, double fraction)
    {
        var points = curve.Points;
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Fraction >= fraction)
            {
                var (a, b) = (points[i - 1], points[i]);
                return a.Incremental + ((b.Incremental - a.Incremental) * (fraction - a.Fraction) / (b.Fraction - a.Fraction));
            }
        }

        return curve.Total;
    }
}
