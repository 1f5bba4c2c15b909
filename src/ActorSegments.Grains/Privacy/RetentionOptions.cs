using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.Privacy;

/// <summary>How silos run journal retention passes (docs/privacy.md); each workspace's period is set over the API.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "ActorSegments:Retention";

    /// <summary>Pause between looks for work once no pass is under way (wall clock).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", MinimumIsExclusive = true)]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Time from the end of a workspace's pass to the start of its next (zero: at the next look, after
    /// <see cref="Interval"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", OptionRanges.Forever)]
    public TimeSpan PassEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Journal entries one batch (one short transaction) examines.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>Customers asked for a snapshot at the same time.</summary>
    [Range(1, 1_000)]
    public int SnapshotConcurrency { get; set; } = 16;
}
