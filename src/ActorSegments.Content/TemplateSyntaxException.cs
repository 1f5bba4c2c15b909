namespace ActorSegments.Content;

/// <summary>A template that cannot be parsed (or uses what the sandbox refuses), located at a 1-based line and column.</summary>
public sealed class TemplateSyntaxException : Exception
{
    public TemplateSyntaxException(int line, int column, string reason)
        : base($"line {line}, column {column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    public TemplateSyntaxException()
        : this(1, 1, "the template could not be parsed")
    {
    }

    public TemplateSyntaxException(string message)
        : this(1, 1, message)
    {
    }

    public TemplateSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Line = 1;
        Column = 1;
        Reason = message;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>What is wrong or what was expected, without the position.</summary>
    public string Reason { get; }
}
