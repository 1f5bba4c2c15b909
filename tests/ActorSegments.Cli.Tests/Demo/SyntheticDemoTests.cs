using ActorSegments.Cli.Demo;
using ActorSegments.Datasets.Synthetic;

namespace ActorSegments.Cli.Tests.Demo;

public sealed class SyntheticDemoTests
{
    private static readonly SyntheticDemoData Small = new(Seed: 7, Customers: 150, Days: 200);

    [Fact]
    public async Task Demo_EverySegmentHasMembers_AndItsCountIsWhatListMembersPages()
    {
        var (result, paged) = await DemoRun.RunAsync(Small);

        Assert.Equal(150, result.Customers);
        Assert.Equal(0, result.Loaded.Rejected);
        Assert.Equal(result.Loaded.Sent, result.Loaded.Applied);
        Assert.Equal(DemoSegment.Synthetic.Select(s => s.Id), result.Segments.Select(s => s.SegmentId));
        Assert.All(result.Segments, s => Assert.True(s.Members > 0, $"{s.SegmentId} is empty"));
        Assert.All(paged, p => Assert.Equal(p.Counted, p.Paged));
        Assert.Equal(150, result.Lifecycle.Sum(s => s.Customers));
        Assert.NotNull(result.Explained?.Explanation);
        Assert.True(result.Explained.Explanation.Matches);
    }

    /// <summary>Needs the RFM values in profiles (served since the full-profile change).</summary>
    [Fact]
    public async Task Demo_RfmSummary_CoversTheBuyers()
    {
        var (result, _) = await DemoRun.RunAsync(Small);

        var rfm = Assert.IsType<RfmFigures>(result.Rfm);
        var buyers = Small.Shop("demo").Customers.Count(c => ArchetypeProfile.Of(c.Archetype).BuysOnFirstVisit);
        Assert.Equal(buyers, rfm.Buyers);
        Assert.True(rfm.Frequency.Min >= 1);
        Assert.Equal(result.Segments.Single(s => s.SegmentId == "one_time_buyers").Members > 0, rfm.Frequency.Min == 1);
    }

    [Fact]
    public async Task Demo_StrategyExperiment_TheServersResultsFromTheJournalEqualTheSimulatorsCounts()
    {
        var (result, _) = await DemoRun.RunAsync(Small);

        var strategy = Assert.IsType<StrategyOutcome>(result.Strategy);
        Assert.NotEmpty(strategy.Cohorts);
        Assert.Equal(["ai_cohorts", "holdout", "manual"], strategy.Simulated.Keys.Order(StringComparer.Ordinal));
        foreach (var (arm, (customers, buyers, revenue)) in strategy.Simulated)
        {
            var reach = strategy.Results.Reach.Single(r => r.Arm == arm);
            var converted = strategy.Results.Metrics[0].Arms.Single(a => a.Arm == arm);
            var spent = strategy.Results.Metrics[1].Arms.Single(a => a.Arm == arm);
            Assert.Equal((customers, customers, buyers), ((int)reach.Assigned, (int)converted.Customers, (int)converted.Conversions));
            Assert.Equal(revenue / customers, spent.RevenuePerCustomer, 9);
        }

        Assert.Equal(150, strategy.Simulated.Values.Sum(s => s.Customers));
        Assert.NotNull(strategy.Report);
        Assert.Single(strategy.Report.StrategyVerdicts);
    }

    [Fact]
    public async Task Demo_SameSeed_SameFigures()
    {
        var (first, _) = await DemoRun.RunAsync(Small);
        var (second, _) = await DemoRun.RunAsync(Small);

        Assert.Equal(first.Loaded, second.Loaded with { FirstRejections = first.Loaded.FirstRejections });
        Assert.Equal(first.Segments, second.Segments);
        Assert.Equal(first.Rfm, second.Rfm);
        Assert.Equal(first.Lifecycle, second.Lifecycle);
        Assert.Equal(first.Explained?.Profile.CustomerId, second.Explained?.Profile.CustomerId);
    }

    [Fact]
    public async Task DemoCommand_PrintsCountsRfmLifecycleAndAnExplainedCustomer()
    {
        using var console = new CapturedConsole();

        var exit = await CliApplication.RunAsync(["demo", "--customers", "120", "--seed", "3"], console.Console, TestContext.Current.CancellationToken);

        Assert.True(exit == 0, console.Text);
        Assert.Contains("loaded", console.Text, StringComparison.Ordinal);
        Assert.All(DemoSegment.Synthetic, s => Assert.Contains(s.Id, console.Text, StringComparison.Ordinal));
        Assert.Contains("RFM of the", console.Text, StringComparison.Ordinal);
        Assert.Contains("lifecycle stages", console.Text, StringComparison.Ordinal);
        Assert.Contains("AI cohorts (k = ", console.Text, StringComparison.Ordinal);
        Assert.Contains("cohort-1", console.Text, StringComparison.Ordinal);
        Assert.Contains("champions: matches (member)", console.Text, StringComparison.Ordinal);
    }
}
