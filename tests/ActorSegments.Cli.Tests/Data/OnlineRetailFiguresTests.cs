using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Tests.Data;

/// <summary>The published figures of the Online Retail set (see the data's README), reproduced from the real file.</summary>
public sealed class OnlineRetailFiguresTests(OnlineRetailFixture data) : IClassFixture<OnlineRetailFixture>
{
    [Fact]
    public void Cleaning_KeepsThePublishedLinesAndCustomersPerStep()
    {
        var steps = data.Steps;

        Assert.Equal([541_909L, 406_829L, 397_924L, 397_884L], steps.Select(s => s.Lines));
        Assert.Equal([4_372, 4_372, 4_339, 4_338], steps.Select(s => s.Customers));
    }

    [Fact]
    public void Rfm_Recency_MatchesThePublishedTable()
    {
        Assert.Equal(new Distribution(0m, 17m, 50m, 141.75m, 373m, 399_354m), data.Rfm.Recency);
    }

    [Fact]
    public void Rfm_Frequency_MatchesThePublishedTable()
    {
        Assert.Equal(new Distribution(1m, 1m, 2m, 5m, 209m, 18_532m), data.Rfm.Frequency);
    }

    [Fact]
    public void Rfm_Monetary_MatchesThePublishedTable()
    {
        Assert.Equal(new Distribution(3.75m, 307.415m, 674.485m, 1_661.74m, 280_206.02m, 8_911_407.904m), data.Rfm.Monetary);
    }

    [Fact]
    public void Rfm_CountsCustomersOneTimeBuyersAndTheTopSpender()
    {
        Assert.Equal(4_338, data.Rfm.Customers.Count);
        Assert.Equal(1_493, data.Rfm.OneTimeBuyers);
        Assert.Equal("14646", data.Rfm.TopMonetary.CustomerId);
        Assert.Equal(280_206.02m, data.Rfm.TopMonetary.Monetary);
    }

    [Fact]
    public void Events_OnePurchasePerDistinctInvoice_RevenueAddsUpToMonetary()
    {
        var path = RetailDataFile.Require();
        var purchases = 0;
        var products = 0;
        var revenue = 0.0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cleaned = new RetailCleaning().Clean(RetailCsv.ReadFile(path));
        foreach (var evt in RetailEvents.FromLines(cleaned, "retail", productEvents: true))
        {
            Assert.True(ids.Add(evt.EventId), $"duplicate event id {evt.EventId}");
            if (evt.Type == RetailEvents.PurchaseType)
            {
                purchases++;
                revenue += evt.Properties["revenue"].NumberValue;
            }
            else
            {
                products++;
            }
        }

        Assert.Equal(18_532, purchases);
        Assert.Equal(397_884, products);
        Assert.Equal(8_911_407.904, revenue, 0.01);
    }
}
