namespace ActorSegments.Domain.Rules.Ast;

/// <summary>A true-or-false part of a rule.</summary>
public abstract record Condition : RuleNode;
