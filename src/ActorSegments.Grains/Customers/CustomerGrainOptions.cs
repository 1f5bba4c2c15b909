namespace ActorSegments.Grains.Customers;

/// <summary>When customers write their snapshot behind the journal.</summary>
public sealed class CustomerGrainOptions
{
    /// <summary>Journal entries since the last snapshot that trigger a new one (bounds replay on activation).</summary>
    public int SnapshotEveryEvents { get; set; } = 256;

    /// <summary>
    /// Journal entries since the last snapshot that make deactivation write one. Below it the next activation simply
    /// replays them (one range scan), which is cheaper than a write for every customer that goes to sleep.
    /// </summary>
    public int SnapshotOnDeactivationAfterEvents { get; set; } = 16;

    /// <summary>Time since the last snapshot after which the next commit also writes one.</summary>
    public TimeSpan SnapshotEvery { get; set; } = TimeSpan.FromMinutes(5);
}
