namespace ActorSegments.Domain.Rules.Ast;

public enum CompareOperator : byte
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
