namespace ActorSegments.Datasets.Csv;

/// <summary>A file's header row: finds columns by name and says which exist when one is missing.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public CsvHeader(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Names = [.. record.Fields.Select(f => f.Value.Trim())];
        for (var i = 0; i < Names.Count; i++)
        {
            // The first of two equally named columns wins; a later duplicate is still addressable by position.
            _index.TryAdd(Names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The position of <paramref name="column"/>; <paramref name="purpose"/> says who needs it, for the error.</summary>
    public int Require(string column, string purpose) =>
        _index.TryGetValue(column, out var index) ? index : throw new MissingColumnException(column, purpose, Names);

    /// <summary>Reads the header row, failing clearly on an empty input.</summary>
    public static CsvHeader Read(IRecordReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var record = reader.Read() ?? throw new CsvFormatException(new CsvProblem(1, 1, "a header row", "an empty input"));
        return new CsvHeader(record);
    }
}
