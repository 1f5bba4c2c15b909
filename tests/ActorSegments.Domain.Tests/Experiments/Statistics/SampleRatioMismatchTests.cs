using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

public sealed class SampleRatioMismatchTests
{
    public static TheoryData<int> Datasets() => Reference.Indexes(Reference.Committed.Datasets.Count);

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Check_ReferenceAssignments_EqualsScipyChisquare(int dataset)
    {
        var data = Reference.Committed.Datasets[dataset];

        var check = SampleRatioMismatch.Check(data.Arms.Select(a => a.Customers).ToArray(), data.Arms.Select(a => a.Weight).ToArray());

        Figures.Relative(data.SampleRatio.ChiSquare, check.ChiSquare, data.Name + " chi-square");
        Figures.Relative(data.SampleRatio.P, check.PValue, data.Name + " p");
        Assert.Equal(data.Arms.Count - 1, check.DegreesOfFreedom);
        Assert.Equal(data.SampleRatio.P < SampleRatioMismatch.Threshold, check.IsMismatch);
    }

    [Fact]
    public void Check_ReferenceData_FlagsTheMismatchedSetsOnly()
    {
        // Guards the fixture itself: the comparison above must see both outcomes of the flag.
        var flagged = Reference.Committed.Datasets.Where(d => d.SampleRatio.P < SampleRatioMismatch.Threshold).Select(d => d.Name);

        Assert.Equal(["sample-ratio mismatch", "three arms 50/25/25, mismatched"], flagged);
    }

    [Fact]
    public void Check_WeightsOnAnyScale_GiveTheSameAnswer() =>
        Assert.Equal(SampleRatioMismatch.Check([5100, 4900], [1, 1]), SampleRatioMismatch.Check([5100, 4900], [50, 50]));

    [Fact]
    public void Check_NobodyAssigned_IsNoMismatch() =>
        Assert.Equal(new SampleRatioMismatch(0, 2, 1), SampleRatioMismatch.Check([0, 0, 0], [1, 1, 2]));

    [Fact]
    public void Check_OneArm_Throws() =>
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => SampleRatioMismatch.Check([10], [1])).ParamName);

    [Fact]
    public void Check_WeightsAndCountsDiffer_Throws() =>
        Assert.Contains("one weight per arm", Assert.Throws<ArgumentException>(() => SampleRatioMismatch.Check([10, 12], [1, 1, 1])).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.PositiveInfinity)]
    public void Check_WeightNotPositive_Throws(double weight) =>
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(() => SampleRatioMismatch.Check([10, 12], [1, weight])).ParamName);

    [Fact]
    public void Check_NegativeCount_Throws() =>
        Assert.Equal("assigned", Assert.Throws<ArgumentOutOfRangeException>(() => SampleRatioMismatch.Check([10, -1], [1, 1])).ParamName);
}
