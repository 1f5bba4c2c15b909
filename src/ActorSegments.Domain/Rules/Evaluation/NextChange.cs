using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// Finds the exact instant a condition next changes its value with no new input: it walks the candidate instants its
/// inputs name (a bucket leaving a window, a deadline passing, a score crossing a threshold) in order and evaluates the
/// condition at each, until the value differs. Candidates always move forward, so this never loops in place.
/// </summary>
internal static class NextChange
{
    /// <summary>Candidates examined before settling for an early (never late) answer.</summary>
    public const int MaxSteps = 512;

    public static long Of(BoolNode condition, in EvaluationContext context) => Of(condition, context, condition.Evaluate(context));

    /// <summary>Like <see cref="Of(BoolNode, in EvaluationContext)"/> when the caller already knows the current value.</summary>
    public static long Of(BoolNode condition, in EvaluationContext context, bool initial)
    {
        var instant = context.Now;
        for (var step = 0; step < MaxSteps; step++)
        {
            var candidate = condition.NextCandidate(context, instant);
            if (candidate == UnixTime.Never)
            {
                return UnixTime.Never;
            }

            if (candidate <= instant)
            {
                throw new InvalidOperationException($"'{condition.Text}' named {candidate} as its next change after {instant}; candidates must move forward.");
            }

            if (condition.Evaluate(context.At(candidate)) != initial)
            {
                return candidate;
            }

            instant = candidate;
        }

        // Still unchanged after many candidates: answer early. The caller re-evaluates then and asks again.
        return instant;
    }
}
