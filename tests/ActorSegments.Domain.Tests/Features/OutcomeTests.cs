using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Storage;
using static ActorSegments.Domain.Tests.Features.Journals;

namespace ActorSegments.Domain.Tests.Features;

public sealed class OutcomeTests
{

    [Theory]
    [InlineData(0, true)]
    [InlineData((30 * Day) - 1, true)]
    [InlineData(30 * Day, false)]
    [InlineData(-1, false)]
    public void APurchase_CountsFromTheCutoffUpToButNotAtTheEndOf30Days(long offset, bool expected)
    {
        var journal = new Journals("c1").Event("product_viewed", Cutoff - Day).Event("purchase", Cutoff + offset, revenue: 10).Build();

        Assert.Equal(expected, Label(Outcomes.Purchase30Days, journal));
    }

    [Theory]
    [InlineData("product_viewed", 0, false)]
    [InlineData("product_viewed", (60 * Day) - 1, false)]
    [InlineData("product_viewed", 60 * Day, true)]
    [InlineData("email_sent", Day, true)]
    [InlineData("email_opened", Day, false)]
    public void Churn_IsNoOwnActivityInThe60DaysFromTheCutoff(string type, long offset, bool expected)
    {
        var journal = new Journals("c1").Event("purchase", Cutoff - Day, revenue: 10).Event(type, Cutoff + offset).Build();

        Assert.Equal(expected, Label(Outcomes.Churn60Days, journal));
    }

    [Fact]
    public void TraitUpdatesAndModelOutputs_AreNotActivity()
    {
        var journal = new Journals("c1").Event("purchase", Cutoff - Day, revenue: 10)
            .Trait("country", "FR", Cutoff + Day)
            .Score("churn_60d", 0.3, Cutoff + (2 * Day))
            .Build();

        Assert.True(Label(Outcomes.Churn60Days, journal));
    }

    [Fact]
    public void TheWellKnownOutcomes_AreTheScoresTheCommerceSchemaDeclares()
    {
        Assert.Equal(WorkspaceSchema.Commerce.Scores.Order(StringComparer.Ordinal), Outcomes.All.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromDays(30), Outcomes.Find("purchase_30d")!.Window);
        Assert.Equal(TimeSpan.FromDays(60), Outcomes.Find("churn_60d")!.Window);
        Assert.Null(Outcomes.Find("purchase_7d"));
    }

    private static bool Label(Outcome outcome, CustomerHistory journal) =>
        outcome.Label(new PointInTimeHistory(journal), Cutoff, BehaviorModel.Default);
}
