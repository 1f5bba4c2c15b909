using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActorSegments.Server.Health;

/// <summary>
/// Alive unless the silo is dead: declared dead by the cluster (it stops itself, while the web host would keep
/// answering) or stopped. Joining, active and stopping silos are alive; a restart would not help them.
/// </summary>
internal sealed class SiloAliveHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Dead
            ? HealthCheckResult.Unhealthy("silo is dead")
            : HealthCheckResult.Healthy($"silo is {silo.CurrentStatus}"));
}
