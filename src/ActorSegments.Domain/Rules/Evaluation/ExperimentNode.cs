using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>experiment("id")</c>: the arm the customer was assigned to in that experiment; null until assigned.</summary>
internal sealed class ExperimentNode(string text, string experimentId) : ValueNode(text, DataType.String)
{
    public override RuleValue Evaluate(in EvaluationContext context) =>
        context.State.Experiments.TryGetValue(experimentId, out var arm) ? RuleValue.Of(arm.Arm) : RuleValue.Null;
}
