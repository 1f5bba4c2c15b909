namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>The behavioral facts the lifecycle machine reads (Unix seconds; MinValue when never).</summary>
public readonly record struct LifecycleFacts(long Purchases, long LastPurchase, long LastActivity, long FirstSeen)
{
    /// <summary>When the customer was last active, or first seen when it never was (only non-activity events).</summary>
    public long ActiveReference => LastActivity != long.MinValue ? LastActivity : FirstSeen;
}
