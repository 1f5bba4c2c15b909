using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Syntax;

namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>
/// Turns rule text (or its syntax tree) into a <see cref="CompiledRule"/>, checking it against the workspace's schema
/// and behavior model: unknown names come back with the closest known one, type mismatches say what was expected,
/// and every problem is reported with its line and column.
/// </summary>
public static class RuleCompiler
{
    public static RuleCompilation Compile(string text, BehaviorModel model, ISegmentCatalog? segments = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RuleParser.TryParse(text, out var syntax, out var diagnostic)
            ? Compile(syntax, model, segments)
            : new RuleCompilation(null, [diagnostic]);
    }

    public static RuleCompilation Compile(Condition syntax, BehaviorModel model, ISegmentCatalog? segments = null)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(model);
        var binder = new RuleBinder(model, segments);
        var root = binder.Bind(syntax);
        var diagnostics = binder.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return root is not null && diagnostics.Count == 0
            ? new RuleCompilation(new CompiledRule(syntax, root, binder.Inputs), [])
            : new RuleCompilation(null, diagnostics);
    }
}
