using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Evaluation;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>
/// A type-checked rule ready to evaluate against a customer's state at any instant, with the inputs it reads (for
/// incremental re-evaluation) and the exact instant its value next changes with no new input (for wake-ups).
/// </summary>
public sealed class CompiledRule
{
    internal CompiledRule(Condition syntax, BoolNode root, RuleInputs inputs)
    {
        Syntax = syntax;
        Root = root;
        Inputs = inputs;
        Text = root.Text;
    }

    /// <summary>The rule in canonical text form.</summary>
    public string Text { get; }

    public Condition Syntax { get; }

    public RuleInputs Inputs { get; }

    internal BoolNode Root { get; }

    /// <summary>Whether the customer matches at <paramref name="now"/> (Unix seconds).</summary>
    public bool Evaluate(CustomerState state, BehaviorModel model, long now) => Root.Evaluate(new EvaluationContext(state, model, now));

    /// <summary>
    /// The first instant after <paramref name="now"/> at which the result changes if no new input arrives, or
    /// <see cref="UnixTime.Never"/>. Exact (never late); a customer whose result would only change after very many
    /// intermediate steps may get an earlier instant at which nothing changes yet.
    /// </summary>
    public long NextChange(CustomerState state, BehaviorModel model, long now) =>
        Inputs.TimeDependent ? EvaluateWithNextChange(state, model, now).NextChange : UnixTime.Never;

    /// <summary>The current result and <see cref="NextChange"/> together, evaluating the rule once.</summary>
    public (bool Matches, long NextChange) EvaluateWithNextChange(CustomerState state, BehaviorModel model, long now)
    {
        var context = new EvaluationContext(state, model, now);
        var matches = Root.Evaluate(context);
        return (matches, Inputs.TimeDependent ? Root.FirstChange(context, matches) : UnixTime.Never);
    }

    /// <summary>Every condition of the rule with its result, the value it read, and when it next changes.</summary>
    public RuleTrace Explain(CustomerState state, BehaviorModel model, long now) => Trace(Root, new EvaluationContext(state, model, now));

    private static RuleTrace Trace(BoolNode node, in EvaluationContext context)
    {
        var children = new List<RuleTrace>(node.Children.Count);
        foreach (var child in node.Children)
        {
            children.Add(Trace(child, context));
        }

        var value = node.Evaluate(context);
        var next = node.FirstChange(context, value);
        return new RuleTrace(
            node.Text,
            value,
            node.Operand?.Evaluate(context).ToString(),
            next == UnixTime.Never ? null : UnixTime.ToDateTimeOffset(next),
            children);
    }
}
