namespace ActorSegments.Domain.Rules.Syntax;

/// <summary>
/// One token. <see cref="Text"/> is the source text (for strings, the unescaped value); numbers carry their value,
/// durations their length in seconds, timestamps their Unix seconds.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, double Number, long Seconds, SourceSpan Span)
{
    /// <summary>An identifier matching a keyword, ignoring case (keywords are case-insensitive, names are not).</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the rule",
        TokenKind.String => $"the string \"{Shorten(Text)}\"",
        TokenKind.Identifier => $"'{Shorten(Text)}'",
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string text) => text.Length <= 30 ? text : string.Concat(text.AsSpan(0, 30), "…");
}
