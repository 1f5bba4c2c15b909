using ActorSegments.Cli.Ingest;
using ActorSegments.Datasets;
using ActorSegments.Datasets.Csv;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Data.Import;

/// <summary>
/// Turns any CSV with a header row into events through an <see cref="ImportMapping"/>. A bad row is set aside with
/// its line, column and what was expected, and the import goes on; only a mapping the header cannot satisfy stops it.
/// </summary>
internal sealed class CsvEventImporter
{
    private readonly ImportMapping _mapping;
    private readonly string _workspaceId;

    public CsvEventImporter(ImportMapping mapping, string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        mapping.Validate();
        _mapping = mapping;
        _workspaceId = workspaceId;
    }

    /// <summary>Events of the file at <paramref name="path"/> (CSV plain or gzipped, or XLSX), read as the caller enumerates.</summary>
    public IEnumerable<Event> ReadFile(string path, ICollection<CsvProblem> rejects) =>
        ReadWithLines(DataFile.OpenTable(path), rejects).Select(e => e.Event);

    /// <summary>Events in file order; each rejected row is added to <paramref name="rejects"/> as it is met.</summary>
    public IEnumerable<Event> Read(TextReader text, ICollection<CsvProblem> rejects) => ReadWithLines(new CsvReader(text), rejects).Select(e => e.Event);

    /// <summary>
    /// Events in file order with the line each came from (so the server's rejections can name it); each rejected row
    /// is added to <paramref name="rejects"/> as it is met. Throws <see cref="MissingColumnException"/> on the first
    /// enumeration if a mapped column is not in the header.
    /// </summary>
    public IEnumerable<SourcedEvent> ReadWithLines(IRecordReader records, ICollection<CsvProblem> rejects)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        using var csv = records;
        var row = new ImportRow(_mapping, _workspaceId, CsvHeader.Read(csv));
        while (true)
        {
            CsvRecord? record;
            try
            {
                record = csv.Read();
            }
            catch (CsvFormatException ex) when (ex.Problem is not null)
            {
                rejects.Add(ex.Problem); // The reader has consumed the broken line; the next one is read normally.
                continue;
            }

            if (record is null)
            {
                yield break;
            }

            if (row.Convert(record, out var problem) is { } evt)
            {
                yield return new SourcedEvent(evt, record.Line);
            }
            else
            {
                rejects.Add(problem!);
            }
        }
    }
}
