namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>One customer of a randomized experiment, as uplift is evaluated: its predicted uplift (or any ranking score), its arm, its outcome.</summary>
public readonly record struct UpliftObservation(double Score, bool Treated, bool Converted);
