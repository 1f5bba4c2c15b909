using ActorSegments.Domain.Experiments;

namespace ActorSegments.Domain.Tests.Experiments;

public sealed class ArmChooserTests
{
    [Theory]
    [InlineData("spring_sale", "c-1", 0.006951443088722087)]
    [InlineData("spring_sale", "c-2", 0.613989852174025)]
    [InlineData("summer_sale", "c-1", 0.030411520987580487)]
    public void Draw_IsPinned_BecauseRunningExperimentsDependOnIt(string salt, string customer, double expected)
    {
        // The hash is part of the stored contract: these values were computed once (XxHash64 of "salt\0customer") and
        // must never change, or customers of running experiments would move between arms after an upgrade.
        Assert.Equal(expected, ArmChooser.Draw(salt, customer));
    }

    [Fact]
    public void Draw_SaltAndCustomerAreSeparated_SoMovingCharactersAcrossTheBoundaryChangesTheDraw()
    {
        Assert.NotEqual(ArmChooser.Draw("ab", "c"), ArmChooser.Draw("a", "bc"));
    }

    [Fact]
    public void Choose_ManyCustomers_SplitsByWeight()
    {
        double[] weights = [1, 1, 2];
        var counts = new int[3];
        const int customers = 100_000;
        for (var i = 0; i < customers; i++)
        {
            counts[ArmChooser.Choose(ArmChooser.Draw("salt", $"customer-{i}"), weights)]++;
        }

        // Binomial standard deviations are about 0.14% and 0.16% here: 1% is seven of them.
        Assert.InRange(counts[0] / (double)customers, 0.24, 0.26);
        Assert.InRange(counts[1] / (double)customers, 0.24, 0.26);
        Assert.InRange(counts[2] / (double)customers, 0.49, 0.51);
    }

    [Fact]
    public void Choose_TwoSalts_SplitTheSameCustomersIndependently()
    {
        var both = new int[2, 2];
        const int customers = 40_000;
        for (var i = 0; i < customers; i++)
        {
            var id = $"customer-{i}";
            both[ArmChooser.Choose(ArmChooser.Draw("first", id), [1, 1]), ArmChooser.Choose(ArmChooser.Draw("second", id), [1, 1])]++;
        }

        // Independent halves put a quarter of the customers in each cell (standard deviation about 0.2%).
        foreach (var cell in both)
        {
            Assert.InRange(cell / (double)customers, 0.24, 0.26);
        }
    }

    [Fact]
    public void Choose_TheDefinition_IsTheSameArmEveryTime()
    {
        var experiment = ExperimentSamples.CampaignTest();

        var first = Enumerable.Range(0, 200).Select(i => ArmChooser.Choose(experiment, $"c{i}").Name).ToList();
        var again = Enumerable.Range(0, 200).Select(i => ArmChooser.Choose(experiment, $"c{i}").Name).ToList();

        Assert.Equal(first, again);
        Assert.Contains("holdout", first);
        Assert.Contains("treatment", first);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.2499, 0)]
    [InlineData(0.25, 1)]
    [InlineData(0.5, 2)]
    [InlineData(0.9999999, 2)]
    public void Choose_ADraw_FallsIntoTheCumulativeWeights(double draw, int arm)
    {
        Assert.Equal(arm, ArmChooser.Choose(draw, [1, 1, 2]));
    }
}
