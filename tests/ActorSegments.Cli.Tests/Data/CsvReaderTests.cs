using System.IO.Compression;
using System.Text;
using ActorSegments.Datasets;
using ActorSegments.Datasets.Csv;

namespace ActorSegments.Cli.Tests.Data;

public sealed class CsvReaderTests
{
    private static List<string[]> ReadAll(string text)
    {
        using var csv = new CsvReader(new StringReader(text));
        return [.. csv.ReadAll().Select(r => r.Fields.Select(f => f.Value).ToArray())];
    }

    private static CsvFormatException ReadFails(string text)
    {
        using var csv = new CsvReader(new StringReader(text));
        return Assert.Throws<CsvFormatException>(() => csv.ReadAll().ToList());
    }

    [Fact]
    public void Read_QuotedFields_KeepCommasDoubledQuotesAndLineBreaks()
    {
        var rows = ReadAll("a,b,c\r\n1,\"TRAY, BREAKFAST\",\"RECORD FRAME 7\"\" SINGLE\"\n2,\"two\nlines\",\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "TRAY, BREAKFAST", "RECORD FRAME 7\" SINGLE"], rows[1]);
        Assert.Equal(["2", "two\nlines", ""], rows[2]);
    }

    [Fact]
    public void Read_BlankLinesAndAMissingFinalNewline_AreFine()
    {
        var rows = ReadAll("a,b\n\n1,2\n\n3,4");

        Assert.Equal([["a", "b"], ["1", "2"], ["3", "4"]], rows);
    }

    [Fact]
    public void Read_FieldPositions_NameLineAndColumn()
    {
        using var csv = new CsvReader(new StringReader("h1,h2\nabc,\"q\"\n"));
        csv.Read();

        var record = csv.Read()!;

        Assert.Equal(2, record.Line);
        Assert.Equal(new CsvField("q", 2, 5), record.Fields[1]);
    }

    [Fact]
    public void Read_StrayQuoteInUnquotedField_FailsAtItsLineAndColumn()
    {
        var error = ReadFails("a,b\n1,ab\"c\n");

        Assert.Equal((2L, 5), (error.Line, error.Column));
        Assert.Contains("line 2, column 5: expected no '\"' inside an unquoted field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_FailsSayingWhatWasExpected()
    {
        var error = ReadFails("a,b\n1,\"x\"y\n");

        Assert.Equal("line 2, column 6: expected ',' or the end of the line after a closing quote, found 'y'", error.Message);
    }

    [Fact]
    public void Read_UnterminatedQuote_FailsWhereTheFieldOpened()
    {
        var error = ReadFails("a,b\n1,2\n3,\"open\nmore\n");

        Assert.Equal("line 3, column 3: expected a closing quote for the field opened here, found the end of the input", error.Message);
    }

    [Fact]
    public void Read_AfterAFormatError_ContinuesWithTheNextLine()
    {
        using var csv = new CsvReader(new StringReader("1,a\"b\n2,ok\n"));

        Assert.Throws<CsvFormatException>(() => csv.Read());
        Assert.Equal("ok", csv.Read()![1]);
    }

    [Fact]
    public void OpenText_GzipIsRecognizedByContentNotName()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("a,b\n1,2\n"));
        }

        compressed.Position = 0;

        using var zipped = DataFile.OpenText(compressed);
        using var plain = DataFile.OpenText(new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n")));

        Assert.Equal("a,b\n1,2\n", zipped.ReadToEnd());
        Assert.Equal("a,b\n1,2\n", plain.ReadToEnd());
    }
}
