namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>One step of a customer's lifecycle: the stage entered, the stage left, and when (Unix seconds).</summary>
public readonly record struct LifecycleTransition(LifecycleStage Stage, LifecycleStage From, long At);
