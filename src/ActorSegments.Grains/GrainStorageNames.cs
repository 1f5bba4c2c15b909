namespace ActorSegments.Grains;

/// <summary>
/// Names under which an earlier release persisted grain state in Orleans' grain storage. No grain uses grain storage
/// any more (the journal owns customers' snapshots); the name remains so a server can move those rows.
/// </summary>
public static class GrainStorageNames
{
    /// <summary>The state name of customers' snapshots in <c>orleans_grain_state</c> (its <c>grain_type</c> column).</summary>
    public const string LegacyCustomerState = "customer-state-v2";
}
