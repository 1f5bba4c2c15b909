using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.WakeUps;

/// <summary>How a silo sweeps stored wake-ups.</summary>
public sealed class WakeUpSweeperOptions
{
    public const string SectionName = "ActorSegments:WakeUps";

    /// <summary>Pause between sweeps when nothing is due (wall clock); bounds how late an idle customer is woken.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", MinimumIsExclusive = true)]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Customers claimed per sweep; a full batch is followed by another sweep at once.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Customers woken at the same time.</summary>
    [Range(1, 10_000)]
    public int Concurrency { get; set; } = 64;

    /// <summary>How long a claimed customer is hidden from other sweeps (a failed wake is retried after it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", OptionRanges.Forever)]
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromSeconds(30);
}
