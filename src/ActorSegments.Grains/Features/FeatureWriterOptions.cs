namespace ActorSegments.Grains.Features;

/// <summary>How customers' feature rows are batched into the feature table.</summary>
public sealed class FeatureWriterOptions
{
    public const string SectionName = "ActorSegments:Features";

    /// <summary>Longest a changed customer's row waits before it is written (wall clock).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pending rows that start a write without waiting for the interval; also the most rows per write.</summary>
    public int MaxBatch { get; set; } = 5_000;

    /// <summary>
    /// Customers whose rows may wait at once; beyond it new customers' rows are dropped (and counted) until writes catch
    /// up. The table is a cache: a dropped row is rewritten by that customer's next change.
    /// </summary>
    public int MaxPending { get; set; } = 200_000;

    /// <summary>Longest pause between retries after failed writes (the pause doubles from the interval up to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
