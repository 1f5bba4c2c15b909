using ActorSegments.Cli.Export;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Export;

public sealed class ExportWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"open\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("c-1", "c-1")]
    [InlineData("17850", "17850")]
    public void Csv_CellASpreadsheetWouldRun_IsPrefixedWithAQuote(string customerId, string expectedCell)
    {
        var text = Write(customerId, guardFormulas: true);

        Assert.Equal(expectedCell, CustomerCell(text));
    }

    [Fact]
    public void Csv_GuardOff_WritesTheIdAsStored()
    {
        var text = Write("=1+1", guardFormulas: false);

        Assert.Equal("=1+1", CustomerCell(text));
    }

    [Fact]
    public void Jsonl_IsNeverChanged()
    {
        using var output = new StringWriter();
        new ExportWriter(output, ExportFormat.Jsonl).Member(new SegmentMember { CustomerId = "=1+1" });

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal("=1+1", json.RootElement.GetProperty("customer_id").GetString());
    }

    private static string Write(string customerId, bool guardFormulas)
    {
        using var output = new StringWriter();
        var writer = new ExportWriter(output, ExportFormat.Csv, guardFormulas: guardFormulas);
        writer.Member(new SegmentMember { CustomerId = customerId });
        return output.ToString();
    }

    /// <summary>The data row minus its fixed tail (",member,," and the line end), i.e. the customer cell as written.</summary>
    private static string CustomerCell(string text)
    {
        var header = "customer_id,change,at,cursor" + Environment.NewLine;
        var tail = ",member,," + Environment.NewLine;
        Assert.StartsWith(header, text, StringComparison.Ordinal);
        Assert.EndsWith(tail, text, StringComparison.Ordinal);
        return text[header.Length..^tail.Length];
    }
}
