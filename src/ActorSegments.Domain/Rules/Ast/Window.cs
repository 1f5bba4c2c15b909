namespace ActorSegments.Domain.Rules.Ast;

/// <summary>Which events an aggregate covers in time.</summary>
public abstract record Window : RuleNode;
