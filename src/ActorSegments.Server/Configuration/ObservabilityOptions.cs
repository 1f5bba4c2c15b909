namespace ActorSegments.Server.Configuration;

/// <summary>What the HTTP endpoint exposes to operators.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "ActorSegments:Observability";

    /// <summary>Serve metrics (the project's, Orleans', Npgsql's, ASP.NET Core's and the runtime's) in the Prometheus text format at <c>/metrics</c> (default true).</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Serve the Orleans Dashboard at <c>/dashboard</c>, for callers with the bootstrap key (default false: its
    /// collection in the silo cost 13% of durable ingest throughput in an A/B, docs/benchmarks.md).
    /// </summary>
    public bool Dashboard { get; set; }
}
