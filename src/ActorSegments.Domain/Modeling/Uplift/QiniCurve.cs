namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// The Qini curve of a ranking over a randomized experiment's customers (Radcliffe 2007): customers are targeted from
/// the highest score down, and after each step the curve gives the conversions messaging added among those targeted,
/// Y_t − Y_c · N_t / N_c (no control customer yet: Y_t). Customers sharing a score are targeted together, so the curve
/// has a point per distinct score and does not depend on the order of ties (as scikit-uplift's <c>qini_curve</c>).
/// </summary>
/// <remarks>
/// <see cref="Coefficient"/> is the area between the curve and the random-targeting line (the straight line from
/// nothing to everyone), with the fraction targeted on x and incremental conversions per customer of the whole
/// population on y, by the trapezoidal rule. Random targeting scores 0 on average; a ranking that puts the customers
/// a message moves first scores above 0, one that puts them last below. It is in conversions per customer, so it
/// compares rankings on the same customers, not experiments of different sizes or rates.
/// </remarks>
public sealed class QiniCurve
{
    private QiniCurve(IReadOnlyList<QiniPoint> points, double coefficient)
    {
        Points = points;
        Coefficient = coefficient;
    }

    /// <summary>From nothing targeted (0, 0) to everyone, one point per distinct score.</summary>
    public IReadOnlyList<QiniPoint> Points { get; }

    public int Customers => Points[^1].Targeted;

    /// <summary>The conversions messaging everyone added: the last point.</summary>
    public double Total => Points[^1].Incremental;

    public double Coefficient { get; }

    /// <exception cref="ArgumentException">No observations, or a score that is not a finite number.</exception>
    public static QiniCurve Of(IReadOnlyList<UpliftObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0)
        {
            throw new ArgumentException("A Qini curve needs at least one customer.", nameof(observations));
        }

        if (observations.Any(o => !double.IsFinite(o.Score)))
        {
            throw new ArgumentException("Every score must be a finite number.", nameof(observations));
        }

        var ranked = observations.OrderByDescending(o => o.Score).ToArray();
        var n = (double)ranked.Length;
        var points = new List<QiniPoint> { new(0, 0, 0) };
        int treated = 0, control = 0, treatedConversions = 0, controlConversions = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            var o = ranked[i];
            (treated, treatedConversions) = o.Treated ? (treated + 1, treatedConversions + (o.Converted ? 1 : 0)) : (treated, treatedConversions);
            (control, controlConversions) = o.Treated ? (control, controlConversions) : (control + 1, controlConversions + (o.Converted ? 1 : 0));
            if (i + 1 < ranked.Length && ranked[i + 1].Score == o.Score)
            {
                continue; // the rest of the tie is targeted with it
            }

            points.Add(new QiniPoint(i + 1, (i + 1) / n, Incremental(treated, treatedConversions, control, controlConversions)));
        }

        var area = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            area += (points[i].Fraction - points[i - 1].Fraction) * (points[i].Incremental + points[i - 1].Incremental) / (2 * n);
        }

        var random = points[^1].Incremental / n / 2;
        return new QiniCurve(points, area - random);
    }

    /// <summary>Y_t − Y_c · N_t / N_c: the treated conversions beyond what the control's rate predicts for as many customers.</summary>
    public static double Incremental(int treated, int treatedConversions, int control, int controlConversions) =>
        control == 0 ? treatedConversions : treatedConversions - ((double)controlConversions * treated / control);
}
