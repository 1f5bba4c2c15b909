namespace ActorSegments.Domain.Time;

/// <summary>
/// Behavioral time is whole seconds since the Unix epoch (UTC). Sub-second parts are dropped, so "exact" in the
/// precision contract means exact to the second.
/// </summary>
public static class UnixTime
{
    /// <summary>A time that never comes: "this value never changes on its own".</summary>
    public const long Never = long.MaxValue;

    public static long Seconds(DateTimeOffset time) => Math.DivRem(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.TicksPerSecond) switch
    {
        var (quotient, remainder) when remainder < 0 => quotient - 1,
        var (quotient, _) => quotient,
    };

    public static DateTimeOffset ToDateTimeOffset(long seconds) => DateTimeOffset.UnixEpoch.AddSeconds(seconds);

    /// <summary>Floor division for possibly negative times.</summary>
    public static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }
}
