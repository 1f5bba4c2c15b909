using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>score("name")</c>: a model score written to the customer; null until computed.</summary>
internal sealed class ScoreNode(string text, string name) : ValueNode(text, DataType.Number)
{
    public override RuleValue Evaluate(in EvaluationContext context) =>
        context.State.Scores.TryGetValue(name, out var score) ? RuleValue.Of(score) : RuleValue.Null;
}
