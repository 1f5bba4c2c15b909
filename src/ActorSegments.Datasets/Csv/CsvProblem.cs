namespace ActorSegments.Datasets.Csv;

/// <summary>
/// Where a CSV input went wrong and what would have been right there: one shape for both the errors that stop a read
/// (<see cref="CsvFormatException"/>) and the rows an import sets aside, so both read the same way.
/// </summary>
/// <param name="Line">1-based physical line; the header is line 1.</param>
/// <param name="Column">1-based character position within that line.</param>
/// <param name="Expected">What the reader needed at that place, e.g. "a number in column 'price'".</param>
/// <param name="Found">What was there instead, when it helps to show it.</param>
public sealed record CsvProblem(long Line, int Column, string Expected, string? Found = null)
{
    public override string ToString() =>
        Found is null ? $"line {Line}, column {Column}: expected {Expected}" : $"line {Line}, column {Column}: expected {Expected}, found {Found}";
}
