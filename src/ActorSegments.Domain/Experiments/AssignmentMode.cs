namespace ActorSegments.Domain.Experiments;

/// <summary>Who decides which arm a customer is in.</summary>
public enum AssignmentMode : byte
{
    /// <summary>
    /// The system: when a customer first matches the experiment's audience, a hash of (salt, customer id) picks an arm
    /// by the arms' weights. Sticky forever.
    /// </summary>
    Randomized = 1,

    /// <summary>
    /// Someone else (an ESP's own A/B test, a past send log): an ingested event of a declared type names the experiment
    /// and the arm. The first such event assigns the customer; later ones are ignored.
    /// </summary>
    External = 2,
}
