namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>operand op value</c> with op one of = != &lt; &lt;= &gt; &gt;=.</summary>
public sealed record CompareCondition(Operand Operand, CompareOperator Operator, Literal Value) : Condition;
