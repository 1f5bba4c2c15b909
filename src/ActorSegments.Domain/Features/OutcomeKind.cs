namespace ActorSegments.Domain.Features;

/// <summary>What an <see cref="Outcome"/> looks for in its window after the cutoff.</summary>
public enum OutcomeKind
{
    /// <summary>At least one purchase event in the window.</summary>
    Purchase,

    /// <summary>No event of the customer's own activity in the window.</summary>
    Churn,
}
