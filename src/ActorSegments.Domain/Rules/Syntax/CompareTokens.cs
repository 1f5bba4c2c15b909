using ActorSegments.Domain.Rules.Ast;

namespace ActorSegments.Domain.Rules.Syntax;

/// <summary>The comparison a token spells, shared by everything that reads rule-language text.</summary>
public static class CompareTokens
{
    /// <summary>The comparison operator of <paramref name="kind"/>, or null when the token is not one.</summary>
    public static CompareOperator? AsCompareOperator(this TokenKind kind) => kind switch
    {
        TokenKind.Equal => CompareOperator.Equal,
        TokenKind.NotEqual => CompareOperator.NotEqual,
        TokenKind.Less => CompareOperator.Less,
        TokenKind.LessOrEqual => CompareOperator.LessOrEqual,
        TokenKind.Greater => CompareOperator.Greater,
        TokenKind.GreaterOrEqual => CompareOperator.GreaterOrEqual,
        _ => null,
    };
}
