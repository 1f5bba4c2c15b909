using ActorSegments.Server.Lifecycle;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActorSegments.Server.Health;

/// <summary>Not ready from the moment the server starts stopping, so routing moves away before it refuses calls.</summary>
internal sealed class ServingHealthCheck(ServingGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gate.IsReady ? HealthCheckResult.Healthy("serving") : HealthCheckResult.Unhealthy("shutting down"));
}
