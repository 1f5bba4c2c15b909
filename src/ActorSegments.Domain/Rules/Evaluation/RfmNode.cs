using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// <c>rfm.recency</c> (whole days since the last purchase), <c>rfm.frequency</c> (purchases), <c>rfm.monetary</c>
/// (total revenue) and their 1-5 scores. All null for a customer who never bought.
/// </summary>
internal sealed class RfmNode(string text, RfmNode.Measure measure) : ValueNode(text, DataType.Number)
{
    private const long Day = 86_400;

    public enum Measure
    {
        Recency,
        Frequency,
        Monetary,
        RecencyScore,
        FrequencyScore,
        MonetaryScore,
    }

    public override RuleValue Evaluate(in EvaluationContext context)
    {
        if (RfmValues.Of(context.State, context.Model, context.Now) is not { } rfm)
        {
            return RuleValue.Null;
        }

        return measure switch
        {
            Measure.Recency => RuleValue.Of(rfm.RecencyDays),
            Measure.Frequency => RuleValue.Of(rfm.Frequency),
            Measure.Monetary => RuleValue.Of(rfm.Monetary),
            Measure.RecencyScore => RuleValue.Of(rfm.RecencyScore),
            Measure.FrequencyScore => RuleValue.Of(rfm.FrequencyScore),
            _ => RuleValue.Of(rfm.MonetaryScore),
        };
    }

    public override long NextCandidate(in EvaluationContext context, long after, ReadOnlySpan<RuleValue> thresholds)
    {
        var purchases = context.State.Series(context.Model.Settings.PurchaseEvent);
        if (purchases is null || purchases.IsEmpty)
        {
            return UnixTime.Never;
        }

        return measure switch
        {
            Measure.Recency => ElapsedSteps.NextCandidate(purchases.LastSeen, Day, after, thresholds, thresholdsInSeconds: false),
            Measure.RecencyScore => NextBreakpoint(purchases.LastSeen, after, context.Model.Settings.Rfm.RecencyDays),
            _ => UnixTime.Never,
        };
    }

    /// <summary>Recency scores change the day after each breakpoint day is passed.</summary>
    private static long NextBreakpoint(long lastPurchase, long after, IReadOnlyList<double> breakpoints)
    {
        var next = UnixTime.Never;
        foreach (var days in breakpoints)
        {
            var instant = lastPurchase + (((long)Math.Floor(days) + 1) * Day);
            if (instant > after)
            {
                next = Math.Min(next, instant);
            }
        }

        return next;
    }
}
