namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>did(cart_added, within 48h)</c>: at least one such event; <c>not did(...)</c> is absence.</summary>
public sealed record DidCondition(EventSelector Events, Window? Window) : Condition;
