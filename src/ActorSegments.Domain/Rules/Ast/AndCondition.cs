namespace ActorSegments.Domain.Rules.Ast;

public sealed record AndCondition(Condition Left, Condition Right) : Condition;
