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
        var purchases = context.State.Series(context.Model.Settings.PurchaseEvent);
        if (purchases is null || purchases.IsEmpty)
        {
            return RuleValue.Null;
        }

        // Only the measure asked for: rules evaluate this on every affected event.
        var rfm = context.Model.Settings.Rfm;
        return measure switch
        {
            Measure.Recency => RuleValue.Of(RfmValues.DaysSinceLastPurchase(purchases, context.Now)),
            Measure.Frequency => RuleValue.Of(purchases.TotalCount),
            Measure.Monetary => RuleValue.Of(RfmValues.Revenue(purchases, context.Model)),
            Measure.RecencyScore => RuleValue.Of(rfm.RecencyScore(RfmValues.DaysSinceLastPurchase(purchases, context.Now))),
            Measure.FrequencyScore => RuleValue.Of(RfmSettings.AscendingScore(purchases.TotalCount, rfm.Frequency)),
            _ => RuleValue.Of(RfmSettings.AscendingScore(RfmValues.Revenue(purchases, context.Model), rfm.Monetary)),
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
