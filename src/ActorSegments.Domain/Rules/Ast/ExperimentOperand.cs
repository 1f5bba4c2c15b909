namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>experiment("spring_sale")</c>: the arm of that experiment the customer was assigned to.</summary>
public sealed record ExperimentOperand(string ExperimentId) : Operand;
