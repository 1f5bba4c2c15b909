using ActorSegments.Server.Access;
using ActorSegments.Server.Configuration;
using ActorSegments.Server.Observability;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace ActorSegments.Server.Hosting;

internal static class ObservabilityHostingExtensions
{
    /// <summary>Meters exported besides the project's own (<c>ActorSegments.*</c>).</summary>
    private static readonly string[] PlatformMeters =
    [
        "Microsoft.Orleans", // grain calls, activations, storage latency, reminders, messaging, membership
        "Npgsql", // connection pool use, command duration, bytes
        "System.Runtime", // GC, thread pool, exceptions, CPU
        "Microsoft.AspNetCore.Hosting", // HTTP/gRPC request duration by route and status
        "Microsoft.AspNetCore.Server.Kestrel", // connections, queued connections, TLS
    ];

    /// <summary>OpenTelemetry metrics for Prometheus, and the Orleans Dashboard's silo-side collection.</summary>
    public static IHostApplicationBuilder AddActorSegmentsObservability(this IHostApplicationBuilder builder, ObservabilityOptions options)
    {
        builder.Services.AddSingleton<ServerMetrics>();
        if (options.Metrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter("ActorSegments.*")
                .AddMeter(PlatformMeters)
                // Every scrape reads the instruments afresh; scrapes come seconds apart, so a cached answer saves nothing.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        return builder;
    }

    public static ISiloBuilder AddActorSegmentsDashboard(this ISiloBuilder silo, ObservabilityOptions options) =>
        options.Dashboard ? silo.AddDashboard() : silo;

    /// <summary><c>/metrics</c> (open, like any scrape target inside the cluster network) and <c>/dashboard</c> (bootstrap key).</summary>
    public static WebApplication MapActorSegmentsObservability(this WebApplication app, ObservabilityOptions options)
    {
        if (options.Metrics)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        if (options.Dashboard)
        {
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(AccessPolicies.Dashboard);
        }

        return app;
    }
}
