using ActorSegments.Cli.Data.Import;
using ActorSegments.Datasets.Csv;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Data;

public sealed class CsvEventImporterTests
{
    private static readonly ImportMapping Orders = new()
    {
        CustomerIdColumn = "customer",
        EventIdColumn = "order_id",
        Type = "purchase",
        OccurredAtColumn = "ts",
        Properties = [new("total", ImportValueType.Number, "revenue"), new("category", ImportValueType.String), new("gift", ImportValueType.Bool)],
    };

    private static (List<Event> Events, List<CsvProblem> Rejects) Import(string csv, ImportMapping? mapping = null)
    {
        var rejects = new List<CsvProblem>();
        var events = new CsvEventImporter(mapping ?? Orders, "shop").Read(new StringReader(csv), rejects).ToList();
        return (events, rejects);
    }

    [Fact]
    public void Import_MapsColumnsToATypedEvent_QuotedCellsIntact()
    {
        var (events, rejects) = Import("""
            order_id,customer,ts,total,category,gift
            o-1,alice@example.com,2024-05-01T12:30:00Z,129.90,"Phones, refurbished",yes

            """);

        Assert.Empty(rejects);
        var evt = Assert.Single(events);
        Assert.Equal(("shop", "alice@example.com", "o-1", "purchase"), (evt.WorkspaceId, evt.CustomerId, evt.EventId, evt.Type));
        Assert.Equal(new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc), evt.OccurredAt.ToDateTime());
        Assert.Equal(129.9, evt.Properties["revenue"].NumberValue);
        Assert.Equal("Phones, refurbished", evt.Properties["category"].StringValue);
        Assert.True(evt.Properties["gift"].BoolValue);
    }

    [Fact]
    public void Import_EmptyCell_LeavesThePropertyOut()
    {
        var (events, _) = Import("order_id,customer,ts,total,category,gift\no-1,a,2024-05-01,10,,\n");

        Assert.Equal(["revenue"], Assert.Single(events).Properties.Keys);
    }

    [Fact]
    public void Import_BadDate_RejectsTheRowWithLineAndColumn_AndGoesOn()
    {
        var (events, rejects) = Import("""
            order_id,customer,ts,total,category,gift
            o-1,a,2024-05-01T10:00:00Z,1,x,no
            o-2,b,not a date,2,x,no
            o-3,c,2024-05-02T10:00:00+02:00,3,x,no

            """);

        Assert.Equal(["o-1", "o-3"], events.Select(e => e.EventId));
        Assert.Equal(new DateTime(2024, 5, 2, 8, 0, 0, DateTimeKind.Utc), events[1].OccurredAt.ToDateTime());
        var reject = Assert.Single(rejects);
        Assert.Equal("line 3, column 7: expected a time in ISO 8601 (e.g. 2024-05-01T12:30:00Z) in column 'ts', found 'not a date'", reject.ToString());
    }

    [Theory]
    [InlineData("o-1,a,2024-05-01,lots,x,no", "line 2, column 18: expected a finite number in column 'total', found 'lots'")]
    [InlineData("o-1,a,2024-05-01,1,x,maybe", "line 2, column 22: expected a boolean (true/false, yes/no, 1/0) in column 'gift', found 'maybe'")]
    [InlineData("o-1,,2024-05-01,1,x,no", "line 2, column 5: expected a customer id, found an empty field")]
    [InlineData("o-1,a,2024-05-01,1,x", "line 2, column 20: expected 6 fields as in the header, found 5")]
    [InlineData("o-1,a,2024-05-01,1,x\"y,no", "line 2, column 21: expected no '\"' inside an unquoted field (quote the whole field and double the quote)")]
    public void Import_BadCell_IsRejectedSayingWhatWasExpected(string row, string expected)
    {
        var (events, rejects) = Import($"order_id,customer,ts,total,category,gift\n{row}\no-2,b,2024-05-01,1,x,no\n");

        Assert.Equal(expected, Assert.Single(rejects).ToString());
        Assert.Equal("o-2", Assert.Single(events).EventId);
    }

    [Fact]
    public void Import_MappedColumnMissing_FailsNamingItAndTheHeader()
    {
        var error = Assert.Throws<MissingColumnException>(() => Import("order_id,customer,time,total,category,gift\n"));

        Assert.Equal("ts", error.Column);
        Assert.Equal("column 'ts' (occurred at) is not in the header; the header has: 'order_id', 'customer', 'time', 'total', 'category', 'gift'", error.Message);
    }

    [Fact]
    public void Import_WithoutAnIdColumn_DerivesAStableIdPerRowContent()
    {
        var mapping = Orders with { EventIdColumn = null, TypeColumn = "kind", Type = null, OccurredAtColumn = "at", OccurredAtFormat = ImportMapping.UnixSeconds, Properties = [] };
        const string Csv = "customer,kind,at\na,page_viewed,1714566600\na,page_viewed,1714566601\n";

        var first = Import(Csv, mapping).Events;
        var again = Import("customer,kind,at\na,page_viewed,1714566601\n", mapping).Events;

        Assert.Equal(32, first[0].EventId.Length);
        Assert.NotEqual(first[0].EventId, first[1].EventId);
        Assert.Equal(first[1].EventId, Assert.Single(again).EventId);
        Assert.Equal("page_viewed", first[0].Type);
        Assert.Equal(new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc), first[0].OccurredAt.ToDateTime());
    }

    [Fact]
    public void Import_CustomTimeFormat_IsReadAsUtc()
    {
        var mapping = Orders with { OccurredAtFormat = "dd/MM/yyyy HH:mm", Properties = [] };

        var evt = Assert.Single(Import("order_id,customer,ts\no-1,a,01/12/2010 08:26\n", mapping).Events);

        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0, DateTimeKind.Utc), evt.OccurredAt.ToDateTime());
    }

    [Fact]
    public void Mapping_NeitherOrBothTypeSources_OrAnInvalidPropertyName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new CsvEventImporter(Orders with { Type = null }, "shop"));
        Assert.Throws<ArgumentException>(() => new CsvEventImporter(Orders with { TypeColumn = "kind" }, "shop"));
        var error = Assert.Throws<ArgumentException>(() => new CsvEventImporter(Orders with { Properties = [new("unit price", ImportValueType.Number)] }, "shop"));
        Assert.Contains("'unit price'", error.Message, StringComparison.Ordinal);
    }
}
