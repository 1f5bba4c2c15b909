using ActorSegments.Datasets.Synthetic;

namespace ActorSegments.Cli.Tests.Demo;

/// <summary>The synthetic randomized campaign: deterministic, randomized, and with the heterogeneous effects it documents.</summary>
public sealed class UpliftTrialTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly UpliftTrial Trial = new(5, 4000, 90, Start);

    [Fact]
    public void SameArguments_GiveTheSameCustomersArmsOutcomesAndEvents()
    {
        var again = new UpliftTrial(5, 4000, 90, Start);

        Assert.Equal(Trial.Customers, again.Customers);
        Assert.Equal(Trial.ExperimentEvents().Select(e => (e.EventId, e.OccurredAt)), again.ExperimentEvents().Select(e => (e.EventId, e.OccurredAt)));
        Assert.NotEqual(Trial.Customers.Select(c => c.Treated), new UpliftTrial(6, 4000, 90, Start).Customers.Select(c => c.Treated));
    }

    [Fact]
    public void Customers_AreAssignedInTheFirstHour_AndBuyInsideTheWindow()
    {
        var treated = Trial.Customers.Count(c => c.Treated) / (double)Trial.Customers.Count;

        Assert.InRange(treated, 0.5 - (4 * Math.Sqrt(0.25 / 4000)), 0.5 + (4 * Math.Sqrt(0.25 / 4000)));
        Assert.All(Trial.Customers, c => Assert.InRange(c.AssignedAt, Start, Start.AddHours(1)));
        Assert.All(Trial.Customers.Where(c => c.Converted), c => Assert.InRange(c.ConvertedAt!.Value, c.AssignedAt, c.AssignedAt.AddDays(Trial.WindowDays)));
        Assert.All(Trial.Customers.Where(c => !c.Converted), c => Assert.Null(c.ConvertedAt));
        Assert.Equal(Trial.Customers.Count + Trial.Customers.Count(c => c.Converted), Trial.ExperimentEvents().Count());
        Assert.True(Trial.Shop.Events().All(e => e.OccurredAt.ToDateTime() < Start), "the history ends where the experiment starts");
    }

    [Fact]
    public void Effects_DifferByGroup_TheLikeliestBuyersGainLeastAndTheEmailWearyLose()
    {
        var groups = Trial.Customers.GroupBy(c => c.Group).ToDictionary(g => g.Key, g => g.ToList());

        Assert.All(Enum.GetValues<UpliftGroup>(), g => Assert.True(groups[g].Count >= 100, $"{g}: {groups[g].Count} customers"));
        Assert.All(groups[UpliftGroup.LoyalBuyer], c => Assert.Equal(0.005, c.TrueUplift, 9));
        Assert.All(groups[UpliftGroup.EmailWeary], c => Assert.InRange(c.TrueUplift, -0.06, 0));
        Assert.All(groups[UpliftGroup.LapsedBrowser], c => Assert.InRange(c.TrueUplift, 0.06, 0.2));
        // A propensity ranking puts loyal buyers first; an uplift ranking must put lapsed browsers first.
        Assert.True(groups[UpliftGroup.LoyalBuyer].Average(c => c.BaseChance) > 3 * groups[UpliftGroup.LapsedBrowser].Average(c => c.BaseChance));
    }

    [Fact]
    public void Outcomes_PerGroup_ShowTheTrueUpliftWithinSamplingError()
    {
        foreach (var group in Trial.Customers.GroupBy(c => c.Group))
        {
            var treated = group.Where(c => c.Treated).ToList();
            var control = group.Where(c => !c.Treated).ToList();
            var measured = treated.Average(c => c.Converted ? 1.0 : 0) - control.Average(c => c.Converted ? 1.0 : 0);
            // Four standard errors of a difference of two proportions at their worst (p = 0.5): the draws are fixed by the
            // seed, so this either always holds or never does.
            var tolerance = 4 * Math.Sqrt((0.25 / treated.Count) + (0.25 / control.Count));
            Assert.InRange(measured, group.Average(c => c.TrueUplift) - tolerance, group.Average(c => c.TrueUplift) + tolerance);
        }
    }
}
