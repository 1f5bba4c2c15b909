using System.ComponentModel.DataAnnotations;

namespace ActorSegments.Server.Configuration;

/// <summary>
/// How a silo leaves when asked to stop (SIGTERM): it reports not-ready first, so load balancers and Kubernetes stop
/// routing to it; then it refuses new ingest with UNAVAILABLE and lets the calls in flight finish; then the silo
/// stops — customers write their snapshots, the journal writer flushes, the silo leaves the cluster.
/// </summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "ActorSegments:Shutdown";

    /// <summary>
    /// How long the silo keeps serving while it reports not-ready, before it refuses new ingest (default 0; on
    /// Kubernetes a few seconds, so endpoint removal reaches every node before calls are refused).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReadinessDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long the calls in flight get to finish before the silo stops under them (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
