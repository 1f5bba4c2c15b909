namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// How one group of customers' candidates are scored: (1 − <see cref="ContentWeight"/>)·collaborative +
/// <see cref="ContentWeight"/>·content, each part from the candidate's rank in that model's list
/// (<see cref="HybridCandidates"/>). An item nobody bought in the training data (new to the catalog, or never sold)
/// cannot be voted for; its collaborative part is taken as <see cref="UnsoldShare"/> times its content part, 0 leaving
/// it to compete on content alone.
/// </summary>
public sealed record Blend(double ContentWeight, double UnsoldShare)
{
    /// <summary>Collaborative filtering alone.</summary>
    public static Blend Collaborative { get; } = new(0, 0);
}
