using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Tests.Data;

public sealed class RetailCleaningTests
{
    private const string Lines = """
        1,A,ok,2,2010-12-01 08:00:00,1.5,100.0,UK
        2,B,no customer,1,2010-12-01 08:01:00,1.0,,UK
        C3,C,cancelled,-1,2010-12-01 08:02:00,1.0,200.0,UK
        4,D,zero quantity,0,2010-12-01 08:03:00,1.0,300.0,UK
        5,E,free,1,2010-12-01 08:04:00,0,400.0,UK
        6,F,ok,3,2010-12-01 08:05:00,2,100.0,UK

        """;

    [Fact]
    public void Clean_DropsInThePublishedOrder_AndCountsEachStep()
    {
        var cleaning = new RetailCleaning();

        var kept = cleaning.Clean(RetailTestLines.Read(Lines)).Select(l => l.InvoiceNo).ToList();

        Assert.Equal(["1", "6"], kept);
        Assert.Equal(
            [new("raw", 6, 4), new("with CustomerID", 5, 4), new("not cancelled, Quantity > 0", 3, 2), new("and UnitPrice > 0", 2, 1)],
            cleaning.Steps);
    }
}
