using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// <c>cart.value</c>, <c>cart.items</c>, <c>cart.open</c>, <c>cart.age</c> (since the cart was opened; null when no
/// cart is open) and <c>cart.abandoned</c> (open and untouched for the configured time).
/// </summary>
internal sealed class CartNode(string text, CartNode.Measure measure, DataType type) : ValueNode(text, type)
{
    public enum Measure
    {
        Value,
        Items,
        Open,
        Age,
        Abandoned,
    }

    public override RuleValue Evaluate(in EvaluationContext context)
    {
        var cart = context.State.Cart;
        return measure switch
        {
            Measure.Value => RuleValue.Of(cart.Value),
            Measure.Items => RuleValue.Of(cart.Items),
            Measure.Open => RuleValue.Of(cart.IsOpen),
            Measure.Age => cart.IsOpen ? RuleValue.Duration(context.Now - cart.OpenedAt) : RuleValue.Null,
            _ => RuleValue.Of(cart.IsAbandoned(context.Now, AbandonAfter(context))),
        };
    }

    public override long NextCandidate(in EvaluationContext context, long after, ReadOnlySpan<RuleValue> thresholds)
    {
        var cart = context.State.Cart;
        if (!cart.IsOpen)
        {
            return UnixTime.Never;
        }

        return measure switch
        {
            Measure.Age => ElapsedSteps.NextCandidate(cart.OpenedAt, 1, after, thresholds, thresholdsInSeconds: true),
            Measure.Abandoned when cart.UpdatedAt + AbandonAfter(context) > after => cart.UpdatedAt + AbandonAfter(context),
            _ => UnixTime.Never,
        };
    }

    private static long AbandonAfter(in EvaluationContext context) => (long)context.Model.Settings.CartAbandonAfter.TotalSeconds;
}
