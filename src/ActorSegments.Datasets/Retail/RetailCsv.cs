using System.Globalization;
using ActorSegments.Datasets.Csv;

namespace ActorSegments.Datasets.Retail;

/// <summary>
/// Reads the UCI Online Retail data (<c>InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country</c>)
/// as a CSV, plain or gzipped, or as the workbook UCI serves ("Online Retail.xlsx", or the zip it comes in), one typed
/// line at a time. Columns are found by name, so their order may differ.
/// </summary>
public static class RetailCsv
{
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Streams the lines of the file at <paramref name="path"/>; the file is read while the caller enumerates.</summary>
    public static IEnumerable<RetailLine> ReadFile(string path) => ReadAll(DataFile.OpenTable(path));

    /// <summary>Streams the lines of <paramref name="records"/> and disposes it when the enumeration ends.</summary>
    public static IEnumerable<RetailLine> ReadAll(IRecordReader records)
    {
        using (records)
        {
            foreach (var line in Read(records))
            {
                yield return line;
            }
        }
    }

    /// <summary>Streams typed lines; a malformed line throws <see cref="CsvFormatException"/> naming its line and column.</summary>
    public static IEnumerable<RetailLine> Read(IRecordReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var columns = new Columns(CsvHeader.Read(csv));
        while (csv.Read() is { } record)
        {
            yield return columns.Parse(record);
        }
    }

    /// <summary>"17850.0" → "17850": the source wrote ids as floats; other ids pass through trimmed.</summary>
    public static string? NormalizeCustomerId(string raw)
    {
        var id = raw.Trim();
        if (id.Length == 0)
        {
            return null;
        }

        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && id.AsSpan(dot + 1).TrimStart('0').IsEmpty ? id[..dot] : id;
    }

    private sealed class Columns(CsvHeader header)
    {
        private const string Purpose = "Online Retail data";
        private readonly int _invoice = header.Require("InvoiceNo", Purpose);
        private readonly int _stock = header.Require("StockCode", Purpose);
        private readonly int _description = header.Require("Description", Purpose);
        private readonly int _quantity = header.Require("Quantity", Purpose);
        private readonly int _date = header.Require("InvoiceDate", Purpose);
        private readonly int _price = header.Require("UnitPrice", Purpose);
        private readonly int _customer = header.Require("CustomerID", Purpose);
        private readonly int _country = header.Require("Country", Purpose);
        private readonly int _count = header.Names.Count;

        public RetailLine Parse(CsvRecord record)
        {
            if (record.Count != _count)
            {
                var last = record.Fields[^1];
                throw new CsvFormatException(new CsvProblem(record.Line, last.Column, $"{_count} fields as in the header", $"{record.Count}"));
            }

            var quantity = record.Fields[_quantity];
            var date = record.Fields[_date];
            var price = record.Fields[_price];
            return new RetailLine(
                record[_invoice],
                record[_stock],
                record[_description],
                int.TryParse(quantity.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var q)
                    ? q : throw new CsvFormatException(quantity.Problem("an integer Quantity")),
                DateTime.TryParseExact(date.Value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
                    ? d : throw new CsvFormatException(date.Problem($"an InvoiceDate like {DateFormat}")),
                decimal.TryParse(price.Value, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var p)
                    ? p : throw new CsvFormatException(price.Problem("a decimal UnitPrice")),
                NormalizeCustomerId(record[_customer]),
                record[_country],
                record.Line);
        }
    }
}
