using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActorSegments.Server.Health;

/// <summary>Serving only while this silo is an active member of its cluster.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo is active")
            : HealthCheckResult.Unhealthy($"silo is {silo.CurrentStatus}"));
}
