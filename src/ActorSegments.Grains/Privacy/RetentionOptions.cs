namespace ActorSegments.Grains.Privacy;

/// <summary>How silos run journal retention passes (docs/privacy.md); each workspace's period is set over the API.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "ActorSegments:Retention";

    /// <summary>Pause between looks for work once no pass is under way (wall clock).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Time from the end of a workspace's pass to the start of its next (zero: at the next look, after
    /// <see cref="Interval"/>).
    /// </summary>
    public TimeSpan PassEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Journal entries one batch (one short transaction) examines.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>Customers asked for a snapshot at the same time.</summary>
    public int SnapshotConcurrency { get; set; } = 16;
}
