using ActorSegments.Datasets.Retail;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Data;

public sealed class RetailEventsTests
{
    private static List<Event> Events(string body, bool products = false) =>
        [.. RetailEvents.FromLines(RetailTestLines.Read(body), "retail", products)];

    [Fact]
    public void Purchase_PerInvoice_AtItsFirstLine_WithExactRevenueItemsAndCountry()
    {
        var events = Events("""
            536365,85123A,A,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
            536365,71053,B,3,2010-12-01 08:27:00,0.425,17850.0,United Kingdom

            """);

        var purchase = Assert.Single(events);
        Assert.Equal(("retail", "17850", "536365", "purchase"), (purchase.WorkspaceId, purchase.CustomerId, purchase.EventId, purchase.Type));
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0, DateTimeKind.Utc), purchase.OccurredAt.ToDateTime());
        Assert.Equal(16.575, purchase.Properties["revenue"].NumberValue);
        Assert.Equal(9, purchase.Properties["items"].NumberValue);
        Assert.Equal("United Kingdom", purchase.Properties["country"].StringValue);
    }

    [Fact]
    public void ProductEvents_OnePerLine_IdsNumberedWithinTheInvoice()
    {
        var events = Events("""
            1,SKU-A,A,2,2011-01-01 10:00:00,3.5,7.0,France
            1,SKU-B,B,1,2011-01-01 10:00:00,1,7.0,France

            """, products: true);

        Assert.Equal(["1", "1-0", "1-1"], events.Select(e => e.EventId));
        var second = events[2];
        Assert.Equal("product_purchased", second.Type);
        Assert.Equal(("SKU-B", 1.0, 1.0), (second.Properties["product_id"].StringValue, second.Properties["price"].NumberValue, second.Properties["quantity"].NumberValue));
        Assert.Equal("B", second.Properties["description"].StringValue);
    }

    [Fact]
    public void Group_InterleavedInvoices_AreMergedInOrderOfFirstLine()
    {
        var lines = RetailTestLines.Read("""
            1,A,a,1,2011-01-01 10:00:00,1,7.0,UK
            2,B,b,1,2011-01-01 10:00:00,1,8.0,UK
            1,C,c,1,2011-01-01 10:01:00,1,7.0,UK

            """);

        var invoices = RetailInvoices.Group(lines).ToList();

        Assert.Equal([("1", 2), ("2", 1)], invoices.Select(i => (i.InvoiceNo, i.Lines.Count)));
    }

    [Theory]
    [InlineData("1,7.0 2,8.0 3,8.0 1,7.0", "line 5: invoice 1 resumes after 2 other invoices began since its line 2")]
    [InlineData("1,7.0 1,8.0", "line 3: invoice 1 is for customer 7 on line 2, here for 8")]
    public void Group_InvoiceThatCannotBeOne_FailsNamingTheLine(string invoiceCustomerPairs, string expected)
    {
        var body = string.Concat(invoiceCustomerPairs.Split(' ').Select(pair => pair.Split(',')).Select(p => $"{p[0]},A,a,1,2011-01-01 10:00:00,1,{p[1]},UK\n"));

        var error = Assert.Throws<InvalidDataException>(() => RetailInvoices.Group(RetailTestLines.Read(body), window: 2).ToList());

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
