using ActorSegments.Datasets.Csv;
using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Tests.Data;

/// <summary>Small Online Retail excerpts written inline, read through the real reader.</summary>
internal static class RetailTestLines
{
    public const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    public static List<RetailLine> Read(string body)
    {
        using var csv = new CsvReader(new StringReader(Header + body));
        return [.. RetailCsv.Read(csv)];
    }
}
