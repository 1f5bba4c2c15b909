namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>score("purchase_30d")</c>: a model score written back to the customer.</summary>
public sealed record ScoreOperand(string Name) : Operand;
