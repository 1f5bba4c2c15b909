using System.IO.Compression;
using ActorSegments.Datasets;
using ActorSegments.Datasets.Csv;

namespace ActorSegments.Cli.Tests.Data.Sheets;

public sealed class XlsxReaderTests
{
    [Fact]
    public void Cells_ReadAsACsvExportOfTheSheetWouldHoldThem()
    {
        var records = Read(
        [
            ["text", "number", "noise", "date", "custom date", "flag", "inline", "big"],
            ["a b", 17850, new XNumber("2.5499999999999998"), new XDate(new DateTime(2010, 12, 1, 8, 26, 0)), new XDate(new DateTime(2011, 12, 9, 12, 50, 0), CustomFormat: true), new XBool(true), new XInline("x,y"), new XNumber("1.2345E+20")],
        ]);

        Assert.Equal(["a b", "17850", "2.55", "2010-12-01 08:26:00", "2011-12-09 12:50:00", "TRUE", "x,y", "123450000000000000000"], records[1].Fields.Select(f => f.Value));
    }

    [Fact]
    public void MissingCells_AreEmptyFieldsAndShortRowsArePaddedToTheHeader()
    {
        var records = Read(
        [
            ["a", "b", "c", "d"],
            [1, new XMissing(), 3],
            [new XMissing(), new XMissing(), new XMissing(), 4, 5],
        ]);

        Assert.Equal(["1", "", "3", ""], records[1].Fields.Select(f => f.Value));
        Assert.Equal(["", "", "", "4", "5"], records[2].Fields.Select(f => f.Value));
    }

    [Fact]
    public void LineAndColumn_AreTheRowNumberAndTheColumnNumber()
    {
        var records = Read([["h1", "h2"], [], ["x", "y"]]);

        Assert.Equal(2, records.Count); // the empty row is skipped like a blank line
        Assert.Equal((3L, 3L, 2), (records[1].Line, records[1].Fields[1].Line, records[1].Fields[1].Column));
    }

    [Fact]
    public void Date1904Workbook_DatesFromItsEpoch()
    {
        var records = Read([["when"], [new XDate(new DateTime(2011, 1, 2, 3, 4, 5))]], date1904: true);

        Assert.Equal("2011-01-02 03:04:05", records[1][0]);
    }

    [Fact]
    public void SheetAtAnAbsoluteTarget_IsFound()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [["a"], ["1"]], sheetPath: "/xl/worksheets/data.xml");
        stream.Position = 0;

        using var reader = DataFile.OpenTable(stream);

        Assert.Equal("a", reader.Read()![0]);
        Assert.Equal("1", reader.Read()![0]);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void ZipWithoutOneTable_SaysWhatWasExpectedAndWhatItHolds()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("readme.txt");
            zip.CreateEntry("a.csv");
            zip.CreateEntry("b.csv");
        }

        stream.Position = 0;

        var error = Assert.Throws<CsvFormatException>(() => DataFile.OpenTable(stream));

        Assert.Equal("line 1, column 1: expected a CSV file, an XLSX workbook, or a zip holding exactly one .xlsx or .csv file, found a zip of 'readme.txt', 'a.csv', 'b.csv'", error.Message);
    }

    [Fact]
    public void ZipHoldingOneCsv_ReadsTheCsv()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("data/orders.csv").Open());
            writer.Write("id,total\n1,9.5\n");
        }

        stream.Position = 0;
        using var reader = DataFile.OpenTable(stream);

        Assert.Equal(["id", "total"], reader.Read()!.Fields.Select(f => f.Value));
        Assert.Equal(["1", "9.5"], reader.Read()!.Fields.Select(f => f.Value));
    }

    private static List<CsvRecord> Read(IReadOnlyList<IReadOnlyList<XCell>> rows, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, rows, date1904);
        stream.Position = 0;
        using var reader = DataFile.OpenTable(stream);
        var records = new List<CsvRecord>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }
}
