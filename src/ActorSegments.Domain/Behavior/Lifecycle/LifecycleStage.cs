namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>
/// Where a customer stands in its relationship with the business. Rules spell stages in snake_case
/// (<c>lifecycle = "at_risk"</c>).
/// </summary>
public enum LifecycleStage : byte
{
    /// <summary>No event yet.</summary>
    None = 0,

    /// <summary>Seen, not yet engaged, never bought.</summary>
    NewVisitor = 1,

    /// <summary>Engaged (several activity events within a window), never bought.</summary>
    EngagedProspect = 2,

    /// <summary>Exactly one purchase, recent enough.</summary>
    FirstTimeBuyer = 3,

    /// <summary>Two or more purchases, the latest recent enough.</summary>
    RepeatBuyer = 4,

    /// <summary>A buyer whose latest purchase is older than the at-risk threshold.</summary>
    AtRisk = 5,

    /// <summary>A buyer past the lapsed threshold, or a prospect inactive for too long.</summary>
    Lapsed = 6,

    /// <summary>Active again after being at risk or lapsed, without a new purchase yet.</summary>
    ReEngaged = 7,
}
