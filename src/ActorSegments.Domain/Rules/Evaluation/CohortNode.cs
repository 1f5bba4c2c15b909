using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>cohort</c>: the id of the AI cohort the customer was assigned to; null until assigned.</summary>
internal sealed class CohortNode(string text) : ValueNode(text, DataType.String)
{
    public override RuleValue Evaluate(in EvaluationContext context) => RuleValue.Of(context.State.Cohort);
}
