namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>within 48h</c>: the events of the last 48 hours, at the precision of the time tiers.</summary>
public sealed record RelativeWindow(long Seconds) : Window;
