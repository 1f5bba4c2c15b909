using ActorSegments.Domain.Behavior.Lifecycle;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>lifecycle</c>: the stage name at the evaluated instant (time moves buyers to at-risk and lapsed).</summary>
internal sealed class LifecycleNode(string text) : ValueNode(text, DataType.String)
{
    public override RuleValue Evaluate(in EvaluationContext context) =>
        RuleValue.Of(LifecycleStageNames.Name(StageAt(context, context.Now)));

    public override long NextCandidate(in EvaluationContext context, long after, ReadOnlySpan<RuleValue> thresholds) =>
        LifecycleMachine.NextChange(StageAt(context, after), context.State.LifecycleFacts(context.Model), after, context.Model.Settings.Lifecycle);

    private static LifecycleStage StageAt(in EvaluationContext context, long time) => LifecycleMachine.StageAt(
        context.State.Lifecycle.Stage, context.State.LifecycleFacts(context.Model), time, context.Model.Settings.Lifecycle);
}
