namespace ActorSegments.Domain.Rules.Ast;

/// <summary><c>between 2025-11-28 and 2025-12-02</c>: events from the first instant, up to but excluding the second.</summary>
public sealed record AbsoluteWindow(long From, long To) : Window;
