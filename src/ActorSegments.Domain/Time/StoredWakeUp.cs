namespace ActorSegments.Domain.Time;

/// <summary>
/// When a customer's stored wake-up (what wakes it once it is no longer in memory) must be rewritten. Its next deadline
/// moves with most events — a window restarts — and nearly always later; a stored wake-up that is early only wakes the
/// customer once for nothing, and that wake stores the right time. So only moves that make it earlier are written at
/// once, and a later one waits until the stored time comes.
/// </summary>
public static class StoredWakeUp
{
    /// <param name="stored">The wake-up the journal holds (<see cref="UnixTime.Never"/>: none).</param>
    /// <param name="next">The customer's next deadline now (<see cref="UnixTime.Never"/>: none).</param>
    /// <param name="now">The customer's clock, Unix seconds.</param>
    public static bool NeedsWrite(long stored, long next, long now) =>
        next != stored && (next < stored || stored <= now);
}
