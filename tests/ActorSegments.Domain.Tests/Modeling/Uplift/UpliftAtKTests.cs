using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.Domain.Tests.Modeling.Uplift;

public sealed class UpliftAtKTests
{
    // Ten customers, scores 10 .. 1: the top 30% are 10 (T, bought), 9 (C, not), 8 (T, not); the top 50% add 7 (C, bought)
    // and 6 (T, bought).
    private static readonly UpliftObservation[] Ten =
    [
        new(10, true, true), new(9, false, false), new(8, true, false), new(7, false, true), new(6, true, true),
        new(5, false, false), new(4, true, false), new(3, false, false), new(2, true, false), new(1, false, true),
    ];

    [Fact]
    public void Of_TopK_IsTheTreatedRateMinusTheControlRateAmongTheTopCustomers()
    {
        Assert.Equal((1.0 / 2) - 0, UpliftAtK.Of(Ten, 30)!.Value, 12);   // T: 1 of 2; C: 0 of 1
        Assert.Equal((2.0 / 3) - (1.0 / 2), UpliftAtK.Of(Ten, 50)!.Value, 12); // T: 2 of 3; C: 1 of 2
        Assert.Equal((2.0 / 5) - (2.0 / 5), UpliftAtK.Of(Ten, 100)!.Value, 12);
        Assert.Equal(UpliftAtK.Overall(Ten), UpliftAtK.Of(Ten, 100));
    }

    [Fact]
    public void Of_ATopWithoutOneOfTheArms_HasNoUplift()
    {
        Assert.Null(UpliftAtK.Of(Ten, 10)); // one treated customer, no control
        Assert.Null(UpliftAtK.Of(Ten, 5));  // nobody
    }

    [Fact]
    public void Random_GetsTheOverallDifferenceAtEveryK_AndAStraightQiniLine()
    {
        var random = UpliftRankingQuality.Random(Ten);

        Assert.All(random.UpliftAt.Values, v => Assert.Equal(UpliftAtK.Overall(Ten), v));
        Assert.Equal(0, random.QiniCoefficient);
        Assert.Equal(QiniCurve.Of(Ten).Total, random.QiniDeciles[^1], 12);
        Assert.Equal(QiniCurve.Of(Ten).Total / 2, random.QiniDeciles[4], 12);
    }

    [Fact]
    public void Quality_QiniDeciles_ReadTheCurveAtEachTenth()
    {
        var quality = UpliftRankingQuality.Of("uplift", Ten);
        var curve = QiniCurve.Of(Ten);

        // One customer per tenth: each decile is a point of the curve.
        Assert.Equal(curve.Points.Skip(1).Select(p => p.Incremental), quality.QiniDeciles);
        Assert.Equal(curve.Coefficient, quality.QiniCoefficient);
        Assert.Equal(UpliftAtK.Of(Ten, 30), quality.UpliftAt[30]);
    }
}
