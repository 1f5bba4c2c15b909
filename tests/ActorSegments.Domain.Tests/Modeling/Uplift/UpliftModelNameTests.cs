using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.Domain.Tests.Modeling.Uplift;

public sealed class UpliftModelNameTests
{
    [Theory]
    [InlineData("uplift:spring", "spring")]
    [InlineData("uplift:spring_sale_2", "spring_sale_2")]
    [InlineData("uplift:", null)]
    [InlineData("uplift:Spring", null)]
    [InlineData("uplift:2spring", null)]
    [InlineData("uplift spring", null)]
    [InlineData("purchase_30d", null)]
    [InlineData(null, null)]
    public void ExperimentOf_ANameOfTheFormUpliftColonAValidExperimentId_GivesTheId(string? name, string? experiment)
    {
        Assert.Equal(experiment, UpliftModelName.ExperimentOf(name));
        Assert.Equal(experiment is not null, UpliftModelName.IsUplift(name));
    }

    [Fact]
    public void Problem_SaysWhatIsWrongWithTheExperimentId_AndNothingForOtherNames()
    {
        Assert.Contains("the experiment id after 'uplift:'", UpliftModelName.Problem("uplift:Bad Id"), StringComparison.Ordinal);
        Assert.Null(UpliftModelName.Problem("uplift:spring"));
        Assert.Null(UpliftModelName.Problem("anything_else"));
        Assert.Equal("uplift:spring", UpliftModelName.For("spring"));
    }
}
