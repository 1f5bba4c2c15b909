using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.Features;

/// <summary>How customers' feature rows of an older layout are rewritten after an upgrade (docs/operations.md).</summary>
public sealed class FeatureUpgradeOptions
{
    public const string SectionName = "ActorSegments:FeatureUpgrade";

    /// <summary>
    /// How often each silo looks for workspaces with rows of an older layout (also once at start); zero turns the
    /// upgrade off, leaving such rows to their customers' next changes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", OptionRanges.Forever)]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Stale rows read per page; the silo's feature writer is flushed after each page.</summary>
    [Range(1, 100_000)]
    public int PageSize { get; set; } = 5_000;

    /// <summary>Customer calls in flight: enough to keep every silo busy, bounded so a million stale rows do not queue a million calls.</summary>
    [Range(1, 10_000)]
    public int Concurrency { get; set; } = 256;

    /// <summary>Attempts per customer when its call fails because the journal is overloaded (its activation commits).</summary>
    [Range(1, 100)]
    public int Attempts { get; set; } = 5;
}
