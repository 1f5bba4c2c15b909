namespace ActorSegments.Content.Sandbox;

/// <summary>1-based line and column of a character offset, lines split at LF (as Fluid counts them).</summary>
internal static class SourcePosition
{
    public static (int Line, int Column) Of(string source, int offset)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
