namespace ActorSegments.Grains;

/// <summary>
/// Names under which grain state is persisted. Orleans' ADO.NET storage identifies a row by state name and key, not
/// by grain type, so every grain type must use a state name no other type uses (a test enforces it); the version
/// suffix lets a future incompatible layout live beside the old one during a migration.
/// </summary>
public static class GrainStorageNames
{
    /// <summary>The one grain storage provider the server registers (memory in dev mode, PostgreSQL otherwise).</summary>
    public const string Provider = "actorsegments";

    public const string CustomerState = "customer-state-v2";
}
