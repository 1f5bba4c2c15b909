namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>property = "v"</c>, <c>property in ["a", "b"]</c>, or negated (<c>!=</c>, <c>not in</c>).</summary>
public sealed record EventFilter(string Property, bool Negated, ValueList<Literal> Values) : RuleNode;
