using System.IO.Compression;
using System.Text;
using ActorSegments.Datasets.Csv;
using ActorSegments.Datasets.Sheets;

namespace ActorSegments.Datasets;

/// <summary>
/// Opens a data file: a CSV (plain or gzipped), an XLSX workbook (its first worksheet), or a zip holding one .xlsx or
/// one .csv (as downloads often come).
/// </summary>
/// <remarks>The content decides, not the extension: renamed or re-downloaded files often lose or gain ".gz".</remarks>
public static class DataFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>The file's records, whatever its format.</summary>
    public static IRecordReader OpenTable(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return OpenTable(file);
    }

    /// <summary>Records over <paramref name="stream"/>, which must be seekable (a file or memory) so its first bytes can be sniffed.</summary>
    public static IRecordReader OpenTable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!StartsWith(stream, 0x50, 0x4b, 0x03, 0x04))
        {
            return new CsvReader(OpenText(stream));
        }

        try
        {
            return OpenZip(new ZipArchive(stream, ZipArchiveMode.Read));
        }
        catch (InvalidDataException ex)
        {
            throw new CsvFormatException($"Not a readable zip or XLSX file: {ex.Message}", ex);
        }
    }

    public static TextReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return OpenText(file);
    }

    /// <summary>Text over <paramref name="stream"/>, which must be seekable (a file or memory) so the sniffed bytes can be reread.</summary>
    public static TextReader OpenText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var content = StartsWith(stream, 0x1f, 0x8b) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
    }

    /// <summary>An XLSX workbook, or a zip around exactly one workbook or CSV file.</summary>
    private static IRecordReader OpenZip(ZipArchive archive)
    {
        if (XlsxParts.IsWorkbook(archive))
        {
            return XlsxReader.Open(archive);
        }

        // Folders and macOS resource forks are not files a user put in.
        var files = archive.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
        var workbooks = files.Where(e => e.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).ToList();
        var tables = files.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (workbooks.Count + tables.Count != 1)
        {
            archive.Dispose();
            var found = files.Count == 0 ? "an empty zip" : $"a zip of {string.Join(", ", files.Take(5).Select(e => $"'{e.FullName}'"))}{(files.Count > 5 ? ", ..." : "")}";
            throw new CsvFormatException(new CsvProblem(1, 1, "a CSV file, an XLSX workbook, or a zip holding exactly one .xlsx or .csv file", found));
        }

        if (tables.Count == 1)
        {
            return new ZipEntryCsvReader(archive, tables[0]);
        }

        // A zip inside a zip: the inner one is read into memory, since reading a zip needs to seek.
        var inner = new MemoryStream();
        using (var entry = workbooks[0].Open())
        {
            entry.CopyTo(inner);
        }

        archive.Dispose();
        inner.Position = 0;
        return XlsxReader.Open(new ZipArchive(inner, ZipArchiveMode.Read));
    }

    private static bool StartsWith(Stream stream, params byte[] magic)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable so its first bytes can be inspected.", nameof(stream));
        }

        var start = stream.Position;
        var matches = magic.All(b => stream.ReadByte() == b);
        stream.Position = start;
        return matches;
    }

    /// <summary>The one CSV file of a zip, read in place.</summary>
    private sealed class ZipEntryCsvReader(ZipArchive archive, ZipArchiveEntry entry) : IRecordReader
    {
        private readonly CsvReader _csv = new(new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize));

        public CsvRecord? Read() => _csv.Read();

        public void Dispose()
        {
            _csv.Dispose();
            archive.Dispose();
        }
    }
}
