namespace ActorSegments.Datasets.Csv;

/// <summary>A column a reader or an import mapping needs is not in the file's header row.</summary>
public sealed class MissingColumnException : Exception
{
    public MissingColumnException()
    {
    }

    public MissingColumnException(string message)
        : base(message)
    {
    }

    public MissingColumnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MissingColumnException(string column, string purpose, IReadOnlyList<string> available)
        : base($"column '{column}' ({purpose}) is not in the header; the header has: {string.Join(", ", available.Select(a => $"'{a}'"))}")
    {
        Column = column;
        Available = available;
    }

    public string Column { get; } = "";

    public IReadOnlyList<string> Available { get; } = [];
}
