namespace ActorSegments.Domain.Experiments;

/// <summary>
/// One arm of an experiment. <paramref name="Weight"/> is relative (weights 1, 1, 2 give 25%, 25%, 50%). The control
/// arm is the holdout: never messaged, the baseline every other arm is compared with. <paramref name="Targeting"/> is
/// a strategy arm's own audience rule (for example the AI cohorts recommended for the goal, or a manual segment): its
/// customers who match it are the ones messaged; outcomes are still measured on every customer of the arm (intent to
/// treat), so strategies that reach different shares of the population are compared fairly.
/// </summary>
public sealed record ExperimentArm(string Name, double Weight, bool Control = false, string? Targeting = null);
