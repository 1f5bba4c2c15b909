namespace ActorSegments.MlCheck;

/// <summary>A markdown table, so the check's output can be read in a terminal and pasted into docs/ml.md as it is.</summary>
internal static class MarkdownTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"| {string.Join(" | ", header)} |");
        output.WriteLine($"|{string.Concat(header.Select(_ => "---|"))}");
        foreach (var row in rows)
        {
            output.WriteLine($"| {string.Join(" | ", row)} |");
        }

        output.WriteLine();
    }
}
