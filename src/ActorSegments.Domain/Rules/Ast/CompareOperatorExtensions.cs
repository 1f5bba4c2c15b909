namespace ActorSegments.Domain.Rules.Ast;

public static class CompareOperatorExtensions
{
    /// <summary>How the operator is written in rules and in their JSON form.</summary>
    public static string Symbol(this CompareOperator op) => op switch
    {
        CompareOperator.Equal => "=",
        CompareOperator.NotEqual => "!=",
        CompareOperator.Less => "<",
        CompareOperator.LessOrEqual => "<=",
        CompareOperator.Greater => ">",
        _ => ">=",
    };
}
