namespace ActorSegments.Datasets.Csv;

/// <summary>One field's text and where it starts, so a value that fails to parse can be reported at its place.</summary>
public readonly record struct CsvField(string Value, long Line, int Column)
{
    public CsvProblem Problem(string expected) => new(Line, Column, expected, $"'{Value}'");
}

/// <summary>One CSV record: its fields in order and the physical line it starts on.</summary>
public sealed class CsvRecord(long line, IReadOnlyList<CsvField> fields)
{
    public long Line { get; } = line;

    public IReadOnlyList<CsvField> Fields { get; } = fields;

    public int Count => Fields.Count;

    public string this[int index] => Fields[index].Value;
}
