using ActorSegments.Domain.Time;

namespace ActorSegments.MlCheck;

/// <summary>
/// The moments the check cuts the Online Retail data at. The data runs from 2010-12-01 to 2011-12-09 12:50; its
/// published RFM is as of 2011-12-10 00:00, which is also where labels stop (no window may end after it).
/// </summary>
internal static class CheckDates
{
    /// <summary>Cohort features are the state as of this moment, the reference of the published RFM.</summary>
    public static long Reference { get; } = At(2011, 12, 10);

    /// <summary>The time split: training labels end by it; test cutoffs and test purchases start at it.</summary>
    public static long Split { get; } = At(2011, 9, 1);

    public static long At(int year, int month, int day) => UnixTime.Seconds(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
}
