using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Tests.Modeling;

public sealed class CohortIdsTests
{
    [Theory]
    [InlineData(1, "cohort-1")]
    [InlineData(12, "cohort-12")]
    public void Format_Number_IsAValidSegmentId(int number, string expected)
    {
        var id = CohortIds.Format(number);

        Assert.Equal(expected, id);
        Assert.Null(Identifiers.CheckSegmentId(id, 64));
    }

    [Theory]
    [InlineData("cohort-7", true, 7)]
    [InlineData("cohort-123", true, 123)]
    [InlineData("cohort-0", false, 0)]
    [InlineData("cohort-07", false, 0)]
    [InlineData("cohort-", false, 0)]
    [InlineData("cohort-+7", false, 0)]
    [InlineData("cohort-7a", false, 0)]
    [InlineData("high-intent-browsers", false, 0)]
    [InlineData(null, false, 0)]
    public void TryParse_Id_ReadsOnlyCanonicalNumbers(string? id, bool parsed, int number)
    {
        Assert.Equal(parsed, CohortIds.TryParse(id, out var read));
        Assert.Equal(number, read);
    }

    [Fact]
    public void Highest_MixedIds_IgnoresOtherShapes() =>
        Assert.Equal(11, CohortIds.Highest(["cohort-3", "vip", "cohort-11", "cohort-9"]));

    [Fact]
    public void Highest_NoCohortIds_IsZero() => Assert.Equal(0, CohortIds.Highest(["vip"]));
}
