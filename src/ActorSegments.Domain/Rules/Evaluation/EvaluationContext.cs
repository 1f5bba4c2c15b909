using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>What a rule is evaluated against: one customer's state, the workspace's behavior model, and the time.</summary>
public readonly struct EvaluationContext(CustomerState state, BehaviorModel model, long now)
{
    public CustomerState State { get; } = state;

    public BehaviorModel Model { get; } = model;

    /// <summary>The instant evaluated at (Unix seconds); never earlier than the state's reference clock.</summary>
    public long Now { get; } = Math.Max(now, state?.Reference ?? long.MinValue);

    public EvaluationContext At(long now) => new(State, Model, now);
}
