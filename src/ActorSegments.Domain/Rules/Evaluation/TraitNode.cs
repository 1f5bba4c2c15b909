using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>trait.name</c>: a customer attribute; null when not set (or set with another type).</summary>
internal sealed class TraitNode(string text, string name, DataType type) : ValueNode(text, type)
{
    public override RuleValue Evaluate(in EvaluationContext context) =>
        context.State.Traits.TryGetValue(name, out var trait) && trait.Type == Type ? Convert(trait) : RuleValue.Null;

    private static RuleValue Convert(TraitValue trait) => trait.Type switch
    {
        DataType.String => RuleValue.Of(trait.Text),
        DataType.Number => RuleValue.Of(trait.Number),
        DataType.Bool => RuleValue.Of(trait.Number != 0),
        DataType.Timestamp => RuleValue.Timestamp((long)trait.Number),
        DataType.StringList => RuleValue.Of(trait.List!),
        _ => RuleValue.Null,
    };
}
