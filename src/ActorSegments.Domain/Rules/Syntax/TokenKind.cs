namespace ActorSegments.Domain.Rules.Syntax;

public enum TokenKind : byte
{
    End,
    Identifier,
    String,
    Number,
    Duration,
    Timestamp,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Minus,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
