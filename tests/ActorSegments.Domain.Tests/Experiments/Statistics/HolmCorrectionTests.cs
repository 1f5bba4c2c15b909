using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class HolmCorrectionTests
{
    public static TheoryData<int> Cases() => Reference.Indexes(Reference.Committed.Holm.Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjust_ReferenceCases_EqualsStatsmodelsMultipletestsHolm(int index)
    {
        var reference = Reference.Committed.Holm[index];

        var adjusted = HolmCorrection.Adjust(reference.P);

        Assert.Equal(reference.P.Count, adjusted.Length);
        for (var i = 0; i < adjusted.Length; i++)
        {
            Figures.Relative(reference.Adjusted[i], adjusted[i], $"case {index}, p-value {i}");
        }
    }

    [Fact]
    public void Adjust_NoPValues_IsEmpty() => Assert.Empty(HolmCorrection.Adjust([]));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Adjust_NotAProbability_Throws(double p) =>
        Assert.Equal("pValues", Assert.Throws<ArgumentOutOfRangeException>(() => HolmCorrection.Adjust([0.01, p])).ParamName);
}
