using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Lifecycle;

/// <summary>
/// Runs before any hosted service stops (the silo, Kestrel): reports not-ready, waits
/// <see cref="ShutdownOptions.ReadinessDelay"/> so routing moves away, then refuses new calls and waits up to
/// <see cref="ShutdownOptions.DrainTimeout"/> for the ones in flight. Only then does the silo stop — customers write
/// their snapshots, the journal writer flushes, the silo leaves the cluster — so no acknowledged call races it.
/// </summary>
internal sealed partial class DrainOnStop(ServingGate gate, IOptions<ShutdownOptions> options, TimeProvider time, ILogger<DrainOnStop> logger)
    : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        gate.StopReporting();
        LogNotReady(logger, settings.ReadinessDelay.TotalSeconds);
        if (settings.ReadinessDelay > TimeSpan.Zero)
        {
            await Task.Delay(settings.ReadinessDelay, time, cancellationToken);
        }

        var inFlight = gate.InFlight;
        var drained = await gate.RefuseAndDrainAsync(settings.DrainTimeout, time, cancellationToken);
        if (drained)
        {
            LogDrained(logger, inFlight);
        }
        else
        {
            LogDrainTimedOut(logger, settings.DrainTimeout.TotalSeconds, gate.InFlight);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: reporting not-ready, still serving for {Seconds} s")]
    private static partial void LogNotReady(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: refusing new calls; the {InFlight} in flight finished")]
    private static partial void LogDrained(ILogger logger, int inFlight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Seconds} s passed with {InFlight} calls still in flight; stopping under them (their callers get no acknowledgement and retry)")]
    private static partial void LogDrainTimedOut(ILogger logger, double seconds, int inFlight);
}
