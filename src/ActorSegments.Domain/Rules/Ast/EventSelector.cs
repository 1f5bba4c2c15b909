namespace ActorSegments.Domain.Rules.Ast;

/// <summary>An event type, optionally narrowed by property filters (<c>product_viewed where category = "Shoes"</c>).</summary>
public sealed record EventSelector(string EventType, ValueList<EventFilter> Filters) : RuleNode;
