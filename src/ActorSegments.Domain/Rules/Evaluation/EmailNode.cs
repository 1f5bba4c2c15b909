using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// <c>email.sent</c>, <c>email.opened</c>, <c>email.clicked</c>, <c>email.replied</c> (all-time counts) and
/// <c>email.open_rate</c>, <c>email.click_rate</c>, <c>email.reply_rate</c> (per email sent; null before any).
/// </summary>
internal sealed class EmailNode(string text, string eventType, bool rate, string sentEventType) : ValueNode(text, DataType.Number)
{
    public override RuleValue Evaluate(in EvaluationContext context)
    {
        var count = context.State.Series(eventType)?.TotalCount ?? 0;
        if (!rate)
        {
            return RuleValue.Of(count);
        }

        var sent = context.State.Series(sentEventType)?.TotalCount ?? 0;
        return sent == 0 ? RuleValue.Null : RuleValue.Of((double)count / sent);
    }
}
