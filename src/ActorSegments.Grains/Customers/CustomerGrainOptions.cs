using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.Customers;

/// <summary>When customers write their snapshot behind the journal.</summary>
public sealed class CustomerGrainOptions
{
    public const string SectionName = "ActorSegments:Customers";

    /// <summary>Journal entries since the last snapshot that trigger a new one (bounds replay on activation).</summary>
    [Range(1, 1_000_000)]
    public int SnapshotEveryEvents { get; set; } = 256;

    /// <summary>
    /// Journal entries since the last snapshot that make deactivation write one. Below it the next activation simply
    /// replays them (one range scan), which is cheaper than a write for every customer that goes to sleep.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SnapshotOnDeactivationAfterEvents { get; set; } = 16;

    /// <summary>Time since the last snapshot after which the next commit also writes one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", OptionRanges.Forever, MinimumIsExclusive = true)]
    public TimeSpan SnapshotEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether customers write their snapshot when the silo shuts down. Worth it on durable storage (less replay at the
    /// next start); pointless in memory, where the storage itself is going away — dev mode turns it off.
    /// </summary>
    public bool SnapshotOnShutdown { get; set; } = true;

    /// <summary>
    /// Idle time after which an active customer keeps its state only in serialized form (a fraction of the memory)
    /// until its next call; zero turns dormancy off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DormantAfter { get; set; } = TimeSpan.FromMinutes(1);
}
