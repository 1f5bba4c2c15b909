namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// How a <see cref="HybridModel"/> blends: one <see cref="Blend"/> for customers with more than one order and one for
/// customers with at most one (<see cref="OrderHistory.IsThin"/>), where co-purchases say least. Both are chosen on
/// validation by <see cref="HybridSelection"/>.
/// </summary>
public sealed record HybridOptions
{
    /// <summary>Pure collaborative filtering: what is kept when no validation could be made.</summary>
    public static HybridOptions Collaborative { get; } = new();

    /// <summary>The blend for customers with more than one order.</summary>
    public Blend Repeat { get; init; } = Blend.Collaborative;

    /// <summary>The blend for customers with at most one order.</summary>
    public Blend Thin { get; init; } = Blend.Collaborative;

    /// <summary>How many candidates each model proposes before the blend: an item outside a model's top list gets 0 from it.</summary>
    public int CandidatesPerModel { get; init; } = 50;

    public Blend BlendFor(IReadOnlyList<ItemInteraction> history) => OrderHistory.IsThin(history) ? Thin : Repeat;
}
