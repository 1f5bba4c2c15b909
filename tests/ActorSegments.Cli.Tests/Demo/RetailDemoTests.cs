using ActorSegments.Cli.Demo;
using ActorSegments.Cli.Tests.Data;
using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Tests.Demo;

/// <summary>
/// The real Online Retail data through the engine: its figures, read back from the customers' profiles, are the
/// published ones and those of the independent <see cref="RfmReference"/>.
/// </summary>
public sealed class RetailDemoTests(OnlineRetailFixture reference) : IClassFixture<OnlineRetailFixture>
{
    [Fact]
    public async Task RetailDemo_EngineRfm_MatchesThePublishedFigures()
    {
        var (result, paged) = await DemoRun.RunAsync(new RetailDemoData(RetailDataFile.Require()));

        Assert.Equal(18_532, result.Loaded.Applied);
        Assert.Equal(4_338, result.Customers);
        var rfm = Assert.IsType<RfmFigures>(result.Rfm);
        Assert.Equal(4_338, rfm.Buyers);
        Assert.Equal(50m, rfm.Recency.Median);
        Assert.Equal(2m, rfm.Frequency.Median);
        Assert.Equal(674.485, (double)rfm.Monetary.Median, 0.005);

        // Recency and frequency are whole numbers, so every figure must match exactly; revenue is summed in doubles by
        // the engine and in decimals by the reference, so money matches to the cent.
        Assert.Equal(reference.Rfm.Recency, rfm.Recency);
        Assert.Equal(reference.Rfm.Frequency, rfm.Frequency);
        var money = new[] { rfm.Monetary.Min, rfm.Monetary.Q1, rfm.Monetary.Median, rfm.Monetary.Q3, rfm.Monetary.Max };
        var expected = new[] { reference.Rfm.Monetary.Min, reference.Rfm.Monetary.Q1, reference.Rfm.Monetary.Median, reference.Rfm.Monetary.Q3, reference.Rfm.Monetary.Max };
        Assert.All(money.Zip(expected), pair => Assert.Equal((double)pair.Second, (double)pair.First, 0.005));

        Assert.Equal(reference.Rfm.OneTimeBuyers, result.Segments.Single(s => s.SegmentId == "one_time_buyers").Members);
        Assert.Equal(result.Segments.Select(s => s.Members), paged.Select(p => p.Paged)); // no experiment runs on retail data: nothing moved
        Assert.All(paged, p => Assert.Equal(p.Counted, p.Paged));
        Assert.Equal(4_338, result.Lifecycle.Sum(s => s.Customers));
    }
}
