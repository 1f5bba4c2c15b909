using System.IO.Compression;
using ActorSegments.Cli.Ingest;

namespace ActorSegments.Cli.Tests.Data.Sheets;

/// <summary>The Online Retail data as UCI serves it (an .xlsx, zipped) gives exactly the events its CSV layout gives.</summary>
public sealed class RetailXlsxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-xlsx-").FullName;

    [Fact]
    public void Retail_Xlsx_SameEventsAsTheCsv()
    {
        var workbook = Path.Combine(_directory, "Online Retail.xlsx");
        XlsxWriter.Write(workbook, RetailWorkbook.Rows);

        Assert.Equal(Events(CsvFile()), Events(workbook));
    }

    /// <summary>The download itself: a zip holding "Online Retail.xlsx", passed as it is.</summary>
    [Fact]
    public void Retail_ZipHoldingTheXlsx_SameEventsAsTheCsv()
    {
        var download = Path.Combine(_directory, "online+retail.zip");
        using (var zip = ZipFile.Open(download, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("Online Retail.xlsx").Open();
            using var workbook = new MemoryStream();
            XlsxWriter.Write(workbook, RetailWorkbook.Rows);
            workbook.Position = 0;
            workbook.CopyTo(entry);
        }

        Assert.Equal(Events(CsvFile()), Events(download));
    }

    private string CsvFile()
    {
        var path = Path.Combine(_directory, "online-retail.csv");
        File.WriteAllText(path, RetailWorkbook.Csv);
        return path;
    }

    /// <summary>Every event with product lines, as comparable text: id, type, customer, time, properties.</summary>
    private static List<string> Events(string path)
    {
        using var events = FileEvents.Retail(path, "retail", productLines: true);
        return [.. events.Events.Select(e => $"{e.Event.EventId} {e.Event.Type} {e.Event.CustomerId} {e.Event.OccurredAt} {e.Event.Properties}")];
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
