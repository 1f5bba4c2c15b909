using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>first(...)</c> or <c>last(...)</c>: when a selected event first or last happened; null if never.</summary>
internal sealed class EventTimeNode(string text, bool first, SeriesSelection selection) : ValueNode(text, DataType.Timestamp)
{
    public override RuleValue Evaluate(in EvaluationContext context) => RuleValue.TimestampOrNull(selection.Time(context.State, first));
}
