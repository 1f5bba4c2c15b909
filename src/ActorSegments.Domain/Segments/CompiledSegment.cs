using ActorSegments.Domain.Rules.Compilation;

namespace ActorSegments.Domain.Segments;

/// <summary>A segment whose rule compiled, with its position in evaluation order (referenced segments come first).</summary>
public sealed record CompiledSegment(string Id, int Index, CompiledRule Rule);
