using ActorSegments.Server.Configuration;
using ActorSegments.Server.Lifecycle;

namespace ActorSegments.Server.Hosting;

internal static class ShutdownHostingExtensions
{
    /// <summary>The host's own setting for the whole stop budget (environment variable DOTNET_SHUTDOWNTIMEOUTSECONDS).</summary>
    private const string HostShutdownTimeoutSetting = "shutdownTimeoutSeconds";

    /// <summary>What the silo itself needs after the drain: deactivating customers (snapshots), flushing, leaving.</summary>
    private static readonly TimeSpan SiloStopAllowance = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The drain before the silo stops, and a stop budget that fits it: the host's 30 s default would cut a drain
    /// of 30 s short and leave nothing for the silo, so unless the operator set one, the budget is the readiness
    /// delay plus the drain plus a minute for the silo.
    /// </summary>
    public static IHostApplicationBuilder AddActorSegmentsShutdown(this IHostApplicationBuilder builder, ShutdownOptions shutdown)
    {
        builder.Services.AddSingleton<ServingGate>();
        // Registered before the silo's and the web server's hosted services is not needed: every lifecycle service's
        // StoppingAsync runs before any StopAsync.
        builder.Services.AddHostedService<DrainOnStop>();
        if (builder.Configuration[HostShutdownTimeoutSetting] is null)
        {
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown.ReadinessDelay + shutdown.DrainTimeout + SiloStopAllowance);
        }

        return builder;
    }
}
