namespace ActorSegments.Grains.WakeUps;

/// <summary>How a silo sweeps stored wake-ups.</summary>
public sealed class WakeUpSweeperOptions
{
    /// <summary>Pause between sweeps when nothing is due (wall clock); bounds how late an idle customer is woken.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Customers claimed per sweep; a full batch is followed by another sweep at once.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Customers woken at the same time.</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>How long a claimed customer is hidden from other sweeps (a failed wake is retried after it).</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromSeconds(30);
}
