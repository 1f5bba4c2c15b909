using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>count(e)</c>, <c>sum(e.p where ..., within 30d)</c>, ...; <see cref="Property"/> is null for count.</summary>
public sealed record AggregateOperand(AggregateKind Kind, EventSelector Events, string? Property, Window? Window) : Operand;
