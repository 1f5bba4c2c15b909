using ActorSegments.Domain.Rules.Syntax;

namespace ActorSegments.Domain.Rules.Ast;

/// <summary>A node of a rule's syntax tree, with where it was written (ignored by equality).</summary>
public abstract record RuleNode
{
    public SourceSpan Span { get; init; }
}
