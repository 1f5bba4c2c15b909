using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// <c>engagement.score</c>: decayed points from opens, clicks, views, carts and purchases. It decays continuously, so
/// it names as candidates only the seconds at which it crosses the constants it is compared with.
/// </summary>
internal sealed class EngagementScoreNode(string text) : ValueNode(text, DataType.Number)
{
    /// <summary>How far past the analytic crossing to search for the exact second, absorbing floating-point error.</summary>
    private const int Slack = 4;

    public override RuleValue Evaluate(in EvaluationContext context) => RuleValue.Of(Score(context, context.Now));

    public override long NextCandidate(in EvaluationContext context, long after, ReadOnlySpan<RuleValue> thresholds)
    {
        var engagement = context.State.Engagement;
        var halfLife = context.Model.Settings.EngagementHalfLife.TotalSeconds;
        if (engagement.Value <= 0 || thresholds.IsEmpty)
        {
            return UnixTime.Never;
        }

        var next = UnixTime.Never;
        var now = Score(context, after);
        foreach (var threshold in thresholds)
        {
            var target = threshold.Number;
            if (target <= 0 || now < target)
            {
                continue; // a positive score decays toward zero: it never reaches a non-positive threshold, nor rises
            }

            // S(t) = S0 * 2^(-(t - t0) / h) reaches the target at t0 + h * log2(S0 / target).
            var crossing = engagement.Reference + (halfLife * Math.Log2(engagement.Value / target));
            var second = Math.Max(after + 1, (long)Math.Floor(crossing) - Slack);
            // The first second at which "score > target" stops holding; if the score lands exactly on the target
            // there, asking again from that second finds where "score >= target" stops.
            while (second < long.MaxValue - 1 && Score(context, second) > target)
            {
                second++;
            }

            next = Math.Min(next, second);
        }

        return next;
    }

    private static double Score(in EvaluationContext context, long at) => context.State.EngagementAt(at, context.Model);
}
