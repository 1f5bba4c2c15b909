using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Tests.Data;

public sealed class DistributionTests
{
    [Fact]
    public void Of_InterpolatesQuartilesLikeNumpy()
    {
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) == [1.75, 2.5, 3.25]
        Assert.Equal(new Distribution(1m, 1.75m, 2.5m, 3.25m, 4m, 10m), Distribution.Of([4m, 1m, 3m, 2m]));
    }

    [Fact]
    public void Of_OneValue_IsThatValueEverywhere()
    {
        Assert.Equal(new Distribution(5m, 5m, 5m, 5m, 5m, 5m), Distribution.Of([5m]));
    }

    [Fact]
    public void RfmReference_CountsWholeDaysDistinctInvoicesAndExactMoney()
    {
        var lines = RetailTestLines.Read("""
            1,A,a,2,2011-12-08 23:00:00,0.1,7.0,UK
            1,B,b,1,2011-12-08 23:00:00,0.2,7.0,UK
            2,A,a,1,2011-12-09 01:00:00,0.3,7.0,UK

            """);

        var rfm = RfmReference.Compute(lines, RfmReference.OnlineRetailReferenceDate);

        Assert.Equal(new CustomerRfm("7", 0, 2, 0.7m), rfm.Customers["7"]);
    }
}
