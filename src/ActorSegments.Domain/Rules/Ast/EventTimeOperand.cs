namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>first(e)</c> or <c>last(e where ...)</c>: when such an event first or last happened.</summary>
public sealed record EventTimeOperand(bool First, EventSelector Events) : Operand;
