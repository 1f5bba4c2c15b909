namespace ActorSegments.Grains.Experiments;

/// <summary>
/// One arm's reach: customers assigned to it, and those its segment holds now (the customers to message: for a
/// strategy arm, the assigned customers its targeting matches).
/// </summary>
public sealed record ArmReach(string Arm, bool Control, long Assigned, long Targeted)
{
    /// <summary>The share of the arm its targeting reaches, or null before anyone is assigned.</summary>
    public double? TargetedShare => Assigned == 0 ? null : (double)Targeted / Assigned;
}
