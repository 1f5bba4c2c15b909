namespace ActorSegments.Grains.Customers;

/// <summary>When customers write their snapshot behind the journal.</summary>
public sealed record CustomerGrainOptions
{
    /// <summary>Journal entries since the last snapshot that trigger a new one (bounds replay on activation).</summary>
    public int SnapshotEveryEvents { get; init; } = 256;

    /// <summary>Time since the last snapshot after which the next commit also writes one.</summary>
    public TimeSpan SnapshotEvery { get; init; } = TimeSpan.FromMinutes(5);
}
