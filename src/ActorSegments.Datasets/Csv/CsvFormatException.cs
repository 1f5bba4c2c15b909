namespace ActorSegments.Datasets.Csv;

/// <summary>Input that is not the CSV (or the typed value) the reader expected at one line and column.</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException()
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CsvFormatException(CsvProblem problem)
        : base(problem?.ToString())
    {
        Problem = problem;
    }

    public CsvProblem? Problem { get; }

    public long Line => Problem?.Line ?? 0;

    public int Column => Problem?.Column ?? 0;
}
