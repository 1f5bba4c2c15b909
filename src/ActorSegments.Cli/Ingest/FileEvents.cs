using ActorSegments.Cli.Data.Import;
using ActorSegments.Datasets;
using ActorSegments.Datasets.Csv;
using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Ingest;

/// <summary>
/// Events read from one file as they are sent, with how far into the file the reading is (compressed bytes for a
/// gzipped file), which is what a progress bar can show without reading the file twice.
/// </summary>
internal sealed class FileEvents : IDisposable
{
    private readonly FileStream _file;
    private long _position;

    private FileEvents(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Length = Math.Max(1, _file.Length);
    }

    public long Length { get; }

    /// <summary>Bytes consumed so far; safe to read from another thread (the progress callback).</summary>
    public long Position => Interlocked.Read(ref _position);

    public IEnumerable<SourcedEvent> Events { get; private set; } = [];

    /// <summary>Data rows read, kept or not (set once <see cref="Events"/> has been enumerated).</summary>
    public Func<long> RowsRead { get; private set; } = () => 0;

    /// <summary>Rows set aside before sending, with line and column.</summary>
    public List<CsvProblem> Problems { get; } = [];

    /// <summary>Any CSV or XLSX through <paramref name="mapping"/>.</summary>
    public static FileEvents Csv(string path, ImportMapping mapping, string workspaceId)
    {
        var source = new FileEvents(path);
        var importer = new CsvEventImporter(mapping, workspaceId);
        var events = importer.ReadWithLines(DataFile.OpenTable(source._file), source.Problems);
        long kept = 0;
        source.Events = source.Track(events.Select(e =>
        {
            kept++;
            return e;
        }));
        source.RowsRead = () => kept + source.Problems.Count;
        return source;
    }

    /// <summary>The UCI Online Retail file, cleaned as published, one purchase per invoice (and its lines when asked).</summary>
    public static FileEvents Retail(string path, string workspaceId, bool productLines)
    {
        var source = new FileEvents(path);
        var cleaning = new RetailCleaning();
        var lines = cleaning.Clean(RetailCsv.ReadAll(DataFile.OpenTable(source._file)));
        source.Events = source.Track(RetailEvents.FromLines(lines, workspaceId, productLines).Select(e => new SourcedEvent(e)));
        source.RowsRead = () => cleaning.Steps[0].Lines;
        return source;
    }

    public void Dispose() => _file.Dispose();

    private IEnumerable<SourcedEvent> Track(IEnumerable<SourcedEvent> events)
    {
        foreach (var evt in events)
        {
            // A reader closes the file once it has read all of it (or a zip's inner workbook into memory).
            Interlocked.Exchange(ref _position, _file.CanSeek ? _file.Position : Length);
            yield return evt;
        }

        Interlocked.Exchange(ref _position, Length);
    }
}
