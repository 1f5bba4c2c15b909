using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>customer.events</c> (all events), <c>customer.first_seen</c>, <c>customer.last_seen</c>, <c>customer.last_activity</c>.</summary>
internal sealed class CustomerNode(string text, CustomerNode.Measure measure) : ValueNode(text, measure == CustomerNode.Measure.Events ? DataType.Number : DataType.Timestamp)
{
    public enum Measure
    {
        Events,
        FirstSeen,
        LastSeen,
        LastActivity,
    }

    public override RuleValue Evaluate(in EvaluationContext context) => measure switch
    {
        Measure.Events => RuleValue.Of(context.State.TotalEvents),
        Measure.FirstSeen => RuleValue.TimestampOrNull(context.State.FirstSeen),
        Measure.LastSeen => RuleValue.TimestampOrNull(context.State.LastSeen),
        _ => RuleValue.TimestampOrNull(context.State.LastActivity),
    };
}
