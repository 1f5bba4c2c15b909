using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Server.Configuration;

/// <summary>Limits applied to every ingest request.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "ActorSegments:Ingest";

    /// <summary>Most events accepted in one TrackBatch call.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>How far ahead of the server clock an event's occurred_at may be (client clock skew).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest request message accepted, in bytes (bigger ones fail with RESOURCE_EXHAUSTED before any work).</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most properties one event may carry.</summary>
    [Range(0, 1_000)]
    public int MaxPropertiesPerEvent { get; set; } = 64;

    /// <summary>The domain's per-event limits with this server's settings applied.</summary>
    public EventLimits ToEventLimits() => EventLimits.Default with
    {
        MaxFutureSkew = MaxClockSkew,
        MaxProperties = MaxPropertiesPerEvent,
    };
}
