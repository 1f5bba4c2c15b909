using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Labeling;

namespace ActorSegments.ML.Tests.Labeling;

public sealed class DeterministicCohortLabelerTests
{
    private readonly DeterministicCohortLabeler _labeler = new();

    [Fact]
    public async Task LabelAsync_LapsedHighRevenue_LapsedSpenders()
    {
        var label = (await _labeler.LabelAsync([Profiles.LapsedBigSpenders()], TestContext.Current.CancellationToken))[0];

        Assert.Contains("Lapsed", label.Name, StringComparison.Ordinal);
        Assert.Contains("Spend", label.Name, StringComparison.Ordinal);
        Assert.Equal("rules", label.Source);
    }

    [Fact]
    public async Task LabelAsync_PlantedProfiles_PlausibleNames()
    {
        var labels = await _labeler.LabelAsync(Profiles.Planted(), TestContext.Current.CancellationToken);

        Assert.Equal(["Lapsed Loyal Big Spenders", "High-Intent Recent Frequent Browsers", "Loyal Email Fans"], labels.Select(l => l.Name));
    }

    [Fact]
    public async Task LabelAsync_Description_OneSentenceWithTheCohortsFigures()
    {
        var label = (await _labeler.LabelAsync([Profiles.LapsedBigSpenders()], TestContext.Current.CancellationToken))[0];

        Assert.Equal("12% of customers; mean 310 days since the last purchase vs 95 for all customers, mean 2,400 spent vs 310, mean 6.2 orders vs 1.8.", label.Description);
    }

    [Fact]
    public async Task LabelAsync_AnyProfiles_TwoToFourTitleCaseWords()
    {
        CohortProfile[] profiles = [.. Profiles.Planted(), Profiles.Of(3, 0.3), Profiles.Of(4, 0.1, ("cart_abandonment", 0.9, 0.3, 1.8))];

        var labels = await _labeler.LabelAsync(profiles, TestContext.Current.CancellationToken);

        Assert.All(labels, l =>
        {
            Assert.InRange(l.Name.Split(' ').Length, 2, 4);
            Assert.All(l.Name.Split(' ', '-'), word => Assert.True(char.IsUpper(word[0]), l.Name));
        });
    }

    [Fact]
    public async Task LabelAsync_SameProfileTwice_DifferentNamesFirstKeepsTheBest()
    {
        CohortProfile[] profiles = [Profiles.EmailFans(0), Profiles.EmailFans(1), Profiles.EmailFans(2)];

        var names = (await _labeler.LabelAsync(profiles, TestContext.Current.CancellationToken)).Select(l => l.Name).ToArray();

        Assert.Equal("Loyal Email Fans", names[0]);
        Assert.Equal(3, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task LabelAsync_SameInput_SameLabels()
    {
        var first = await _labeler.LabelAsync(Profiles.Planted(), TestContext.Current.CancellationToken);
        var second = await _labeler.LabelAsync(Profiles.Planted(), TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task LabelAsync_NothingStandsOut_TypicalCustomers()
    {
        var label = (await _labeler.LabelAsync([Profiles.Of(0, 0.4)], TestContext.Current.CancellationToken))[0];

        Assert.Equal("Typical Customers", label.Name);
        Assert.Equal("40% of customers; close to the average on every feature.", label.Description);
    }

    [Fact]
    public async Task LabelAsync_UnknownFeature_GenericWordsFromItsName()
    {
        var label = (await _labeler.LabelAsync([Profiles.Of(0, 0.2, ("loyalty_points", 5_000, 800, 2.5))], TestContext.Current.CancellationToken))[0];

        Assert.Equal("High-Loyalty-Points Customers", label.Name);
        Assert.StartsWith("20% of customers; mean loyalty points 5,000 vs 800 for all customers", label.Description, StringComparison.Ordinal);
    }
}
