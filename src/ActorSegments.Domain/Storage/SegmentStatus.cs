namespace ActorSegments.Domain.Storage;

/// <summary>Where a segment definition is in its life: existing customers are evaluated before it is live.</summary>
public enum SegmentStatus : byte
{
    /// <summary>Saved; evaluating existing customers has not started.</summary>
    Pending = 1,

    /// <summary>Existing customers are being evaluated (see the progress counts).</summary>
    Backfilling = 2,

    /// <summary>Every customer has been evaluated; new events keep it current.</summary>
    Live = 3,
}
