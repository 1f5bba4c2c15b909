namespace ActorSegments.Server.Health;

/// <summary>
/// Two questions with different consequences. Ready: should calls be routed here (silo active, PostgreSQL answers,
/// not stopping)? Live: should this process be restarted (only when the silo itself is gone)? A failing dependency
/// must never fail liveness, or an outage of PostgreSQL would restart every silo at once.
/// </summary>
internal static class HealthTags
{
    public const string Ready = "ready";
    public const string Live = "live";

    /// <summary>The gRPC health service name for liveness; the empty name is readiness.</summary>
    public const string LivenessService = "liveness";
}
