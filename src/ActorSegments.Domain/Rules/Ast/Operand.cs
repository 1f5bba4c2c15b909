namespace ActorSegments.Domain.Rules.Ast;

/// <summary>A value a condition looks at.</summary>
public abstract record Operand : RuleNode;
