namespace ActorSegments.Domain.Segments;

/// <summary>
/// Why a membership changed. The numbers are stored (the membership log's <c>cause</c>) and sent (the API's
/// <c>ChangeCause</c> has the same numbers): never renumber one.
/// </summary>
public enum MembershipCause : byte
{
    /// <summary>An event was applied.</summary>
    Event = 1,

    /// <summary>Time passed: a window, deadline or decay crossed a threshold with no new input.</summary>
    Time = 2,

    /// <summary>A trait was set or removed.</summary>
    Trait = 3,

    /// <summary>A model score or the cohort was written back.</summary>
    Model = 4,

    /// <summary>The segment was created, edited or deleted (or the customer was backfilled).</summary>
    Definition = 5,

    /// <summary>The customer was assigned to an arm of an experiment.</summary>
    Experiment = 6,

    /// <summary>Two ids were linked into one customer: the previous id left its segments, the surviving one re-evaluated.</summary>
    Merge = 7,

    /// <summary>The customer was erased (DeleteCustomer): it left every segment it was in (docs/privacy.md).</summary>
    Erased = 8,
}
