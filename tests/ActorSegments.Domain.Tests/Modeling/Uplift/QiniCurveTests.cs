using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.Domain.Tests.Modeling.Uplift;

/// <summary>The Qini curve and coefficient on examples small enough to compute by hand (worked in the comments).</summary>
public sealed class QiniCurveTests
{
    // Scores 0.9 .. 0.4, arms T C T C T C, outcomes 1 0 1 1 0 0. Targeting from the top, Q(k) = Y_t - Y_c * N_t / N_c:
    // k=1: 1 (no control yet); k=2: 1 - 0 = 1; k=3: 2; k=4: 2 - 1 * 2/2 = 1; k=5: 2 - 1 * 3/2 = 0.5; k=6: 2 - 1 * 3/3 = 1.
    private static readonly UpliftObservation[] Six =
    [
        new(0.9, true, true), new(0.8, false, false), new(0.7, true, true),
        new(0.6, false, true), new(0.5, true, false), new(0.4, false, false),
    ];

    [Fact]
    public void Of_DistinctScores_GivesAPointPerCustomerWithTheIncrementalConversions()
    {
        var curve = QiniCurve.Of(Six);

        Assert.Equal([0, 1, 1, 2, 1, 0.5, 1], curve.Points.Select(p => p.Incremental));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], curve.Points.Select(p => p.Targeted));
        Assert.Equal((6, 1.0), (curve.Customers, curve.Total));
    }

    [Fact]
    public void Coefficient_IsTheAreaAboveTheRandomLine_InConversionsPerCustomer()
    {
        // y = Q / 6 on x = k / 6; trapezoids: (1/6) * (1/2) * (1 + 2 + 3 + 3 + 1.5 + 1.5) / 6 = 12 / 72 = 1/6. The random
        // line to (1, 1/6) encloses 1/12. 1/6 - 1/12 = 1/12.
        Assert.Equal(1.0 / 12, QiniCurve.Of(Six).Coefficient, 12);
    }

    [Fact]
    public void Coefficient_OfTheReversedRanking_IsBelowTheRandomLine()
    {
        // Reversed: C0 T0 C1 T1 C0 T1. Q = 0, 0, 0 - 1 * 1/2 = -0.5, 1 - 1 = 0, 1 - 1 * 2/3 = 1/3, 2 - 1 = 1. Trapezoids:
        // (1/6) * (1/2) * (0 - 0.5 - 0.5 + 1/3 + 4/3) / 6 = 1/108; the line still encloses 1/12 = 9/108: -8/108.
        var reversed = Six.Select(o => o with { Score = -o.Score }).ToArray();
        var curve = QiniCurve.Of(reversed);

        Assert.Equal([0, 0, 0, -0.5, 0, 1.0 / 3, 1], curve.Points.Select(p => p.Incremental), new Tolerance(1e-12));
        Assert.Equal(-8.0 / 108, curve.Coefficient, 12);
        Assert.Equal(QiniCurve.Of(Six).Total, curve.Total);
    }

    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void Of_TiedScores_TargetsTheTieTogether_WhateverTheirOrder()
    {
        // Two customers at 1 (T converted, C not), two at 0 (T not, C converted). After the tie at 1: 1 - 0 * 1/1 = 1;
        // after all: 1 - 1 * 2/2 = 0. Points (0,0), (0.5, 1), (1, 0); area (0.5 * 0.25 / 2) * 2 = 0.125, the line encloses 0.
        UpliftObservation[] tied = [new(1, true, true), new(1, false, false), new(0, true, false), new(0, false, true)];

        var forward = QiniCurve.Of(tied);
        var backward = QiniCurve.Of([.. tied.Reverse()]);

        Assert.Equal([0, 2, 4], forward.Points.Select(p => p.Targeted));
        Assert.Equal([0, 1, 0], forward.Points.Select(p => p.Incremental));
        Assert.Equal(0.125, forward.Coefficient, 12);
        Assert.Equal(forward.Points, backward.Points);
    }

    [Fact]
    public void Of_NoCustomersOrANonFiniteScore_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => QiniCurve.Of([]));
        Assert.Throws<ArgumentException>(() => QiniCurve.Of([new(double.NaN, true, true)]));
    }
}
