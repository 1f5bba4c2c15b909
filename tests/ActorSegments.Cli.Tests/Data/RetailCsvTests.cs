using ActorSegments.Datasets.Csv;
using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Tests.Data;

public sealed class RetailCsvTests
{
    [Fact]
    public void Read_TypesALine_CustomerIdWithoutTheFloatSuffix_DateInUtc()
    {
        var line = Assert.Single(RetailTestLines.Read("536477,22041,\"RECORD FRAME 7\"\" SINGLE SIZE \",48,2010-12-01 12:27:00,2.1,16210.0,United Kingdom\n"));

        Assert.Equal(
            new RetailLine("536477", "22041", "RECORD FRAME 7\" SINGLE SIZE ", 48, new DateTime(2010, 12, 1, 12, 27, 0, DateTimeKind.Utc), 2.1m, "16210", "United Kingdom", 2),
            line);
        Assert.Equal(DateTimeKind.Utc, line.InvoiceDate.Kind);
        Assert.Equal(100.8m, line.Amount);
    }

    [Fact]
    public void Read_EmptyCustomerId_IsNull()
    {
        var line = Assert.Single(RetailTestLines.Read("536414,22139,,56,2010-12-01 11:52:00,0,,United Kingdom\n"));

        Assert.Null(line.CustomerId);
    }

    [Theory]
    [InlineData("536365,85123A,X,six,2010-12-01 08:26:00,2.55,17850.0,United Kingdom", 17, "an integer Quantity")]
    [InlineData("536365,85123A,X,6,01/12/2010 08:26,2.55,17850.0,United Kingdom", 19, "an InvoiceDate like yyyy-MM-dd HH:mm:ss")]
    [InlineData("536365,85123A,X,6,2010-12-01 08:26:00,2,55,17850.0,United Kingdom", 52, "8 fields as in the header")]
    public void Read_MalformedLine_NamesLineColumnAndWhatWasExpected(string body, int column, string expected)
    {
        var error = Assert.Throws<CsvFormatException>(() => RetailTestLines.Read("536365,85123A,OK,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n" + body));

        Assert.Equal((3L, column), (error.Line, error.Column));
        Assert.Contains($"expected {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingColumn_NamesItAndTheHeader()
    {
        using var csv = new CsvReader(new StringReader("InvoiceNo,StockCode\n1,2\n"));

        var error = Assert.Throws<MissingColumnException>(() => RetailCsv.Read(csv).ToList());

        Assert.Equal("Description", error.Column);
        Assert.Contains("'InvoiceNo', 'StockCode'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("17850.0", "17850")]
    [InlineData("17850", "17850")]
    [InlineData(" 12.00 ", "12")]
    [InlineData("12.5", "12.5")]
    [InlineData("", null)]
    public void NormalizeCustomerId_DropsOnlyAZeroFraction(string raw, string? expected)
    {
        Assert.Equal(expected, RetailCsv.NormalizeCustomerId(raw));
    }
}
