namespace ActorSegments.Server.Hosting;

/// <summary>
/// The clock of Orleans' cluster membership and silo watchdog (the keyed <see cref="TimeProvider"/>
/// <c>TimeProviderNames.Membership</c>): real time, with timestamps counted from the first one taken instead of from
/// the machine's start.
/// </summary>
/// <remarks>
/// Orleans' watchdog starts its platform thread before it records when the component checks last ran, and that
/// thread's first pass measures from the unset value, 0. With the system clock, whose timestamps count from boot,
/// every silo start logged "Participant check thread has not completed for" the machine's uptime and recorded a
/// health complaint against the silo. Counted from the first membership timestamp, taken as the silo starts, that
/// first reading is the seconds the silo has been starting. Only the origin differs: elapsed times, the wall clock and
/// timers are the system's (<paramref name="system"/>), also when the server's own clock is replayed (<see cref="ShiftedTimeProvider"/>).
/// </remarks>
internal sealed class MembershipClock(TimeProvider system) : TimeProvider
{
    private long _origin; // 0 until the first timestamp is taken

    public override long TimestampFrequency => system.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        system.CreateTimer(callback, state, dueTime, period);

    public override long GetTimestamp()
    {
        if (Volatile.Read(ref _origin) == 0)
        {
            // One less than now, so no timestamp is 0: that is what the watchdog's unset value reads as.
            Interlocked.CompareExchange(ref _origin, system.GetTimestamp() - 1, 0);
        }

        return system.GetTimestamp() - Volatile.Read(ref _origin);
    }
}
