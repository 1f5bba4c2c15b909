namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>The outcome of compiling a rule: the compiled rule, or every problem found (located in the text).</summary>
public sealed record RuleCompilation(CompiledRule? Rule, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    public bool Succeeded => Rule is not null;
}
