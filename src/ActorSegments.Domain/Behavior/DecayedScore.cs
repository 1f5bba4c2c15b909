namespace ActorSegments.Domain.Behavior;

/// <summary>
/// A score that halves every half-life: each contribution is worth <c>weight * 2^(-age / halfLife)</c>. Stored as its
/// value at a reference time, so adding an event (on time or late) and reading at any time are exact and O(1).
/// </summary>
public struct DecayedScore
{
    public double Value { get; private set; }

    /// <summary>The time <see cref="Value"/> is measured at (Unix seconds).</summary>
    public long Reference { get; private set; }

    public DecayedScore(double value, long reference)
    {
        Value = value;
        Reference = reference;
    }

    public void Add(double weight, long time, double halfLifeSeconds)
    {
        if (Value == 0 || time > Reference)
        {
            Value = At(time, halfLifeSeconds);
            Reference = time;
        }

        Value += weight * Math.Pow(2, -(Reference - time) / halfLifeSeconds);
    }

    public readonly double At(long now, double halfLifeSeconds) =>
        Value == 0 ? 0 : Value * Math.Pow(2, -(now - Reference) / halfLifeSeconds);
}
