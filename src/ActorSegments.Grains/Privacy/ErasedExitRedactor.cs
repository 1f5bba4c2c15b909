using System.Diagnostics.Metrics;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Privacy;

/// <summary>
/// Redacts erased customers' exits in the change feed once their visibility (<see cref="PrivacyOptions.ErasedExitsVisibleFor"/>)
/// ended. Every silo runs it; a batch locks its rows (SKIP LOCKED), so silos share the work without doing it twice.
/// </summary>
public sealed partial class ErasedExitRedactor(
    ICustomerErasure erasure,
    TimeProvider clock,
    IMeterFactory meters,
    IOptions<PrivacyOptions> options,
    ILogger<ErasedExitRedactor> logger) : SiloBackgroundLoop(clock)
{
    public const string MeterName = "ActorSegments.Privacy";

    private readonly Counter<long> _redacted = meters.Create(MeterName).CreateCounter<long>(
        "actorsegments.privacy.exits_redacted", "{erasure}", "Erasures whose feed exits were redacted after their visibility ended");

    protected override Task RunAsync(CancellationToken stoppingToken) =>
        RunBatchesAsync(RedactOnceAsync, options.Value.RedactionBatch, options.Value.RedactionInterval, LogRedactionFailed, stoppingToken);

    /// <summary>Redacts one batch of due erasures' exits; returns how many erasures it finished.</summary>
    public async Task<int> RedactOnceAsync(CancellationToken cancellationToken)
    {
        var done = await erasure.RedactDueExitsAsync(Clock.GetUtcNow(), options.Value.RedactionBatch, cancellationToken);
        if (done > 0)
        {
            _redacted.Add(done);
            LogRedacted(done);
        }

        return done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redacting erased customers' feed exits failed; retrying after the interval")]
    private partial void LogRedactionFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redacted the feed exits of {Erasures} erased customers whose visibility ended")]
    private partial void LogRedacted(int erasures);
}
