namespace ActorSegments.Domain.Time;

/// <summary>
/// The precision contract of behavioral time series. An event is kept in a bucket whose width grows with the event's
/// age: one second while it is at most 48 hours old, one minute up to 7 days, one hour up to 35 days, one day up to
/// 100 days, one week (Monday-aligned, UTC) up to the horizon (default 400 days); older events leave the buckets
/// and remain only in all-time totals.
/// </summary>
/// <remarks>
/// A window of length W is answered at the resolution of the tier whose age range contains W: exact to the second for
/// windows up to 48 hours, to the minute up to 7 days, to the hour up to 35 days, to the day up to 100 days, to the
/// week beyond. "Within W" at time <c>now</c> counts the events whose bucket (at that resolution) starts after the
/// bucket holding <c>now - W</c>: for one-second resolution, exactly the events younger than W. Because buckets nest
/// (a week is whole days, a day whole hours, ...), the answer is exact under this definition however far compaction
/// has progressed, which is what lets a test oracle recompute it from raw events.
/// </remarks>
public sealed class TimeTiers
{
    private const long Minute = 60;
    private const long Hour = 3600;
    private const long Day = 86_400;
    private const long Week = 7 * Day;

    /// <summary>Weeks start on Monday: 1970-01-05 was the first Monday after the epoch.</summary>
    private const long MondayOffset = 4 * Day;

    // Resolution, age limit, and the most buckets a series keeps in the tier. The caps bound the state of extremely
    // active customers: past a cap the oldest buckets of the tier move up early, so for them precision at the far end
    // of that tier degrades to the next tier's. Ordinary customers never reach a cap.
    private static readonly (long Resolution, long Limit, int MaxBuckets)[] _standard =
    [
        (1, 48 * Hour, 64),
        (Minute, 7 * Day, 160),
        (Hour, 35 * Day, 240),
        (Day, 100 * Day, 100),
        (Week, long.MaxValue, 60),
    ];

    /// <summary>The most tiers a series can have (one per standard resolution).</summary>
    public const int MaxTiers = 5;

    /// <summary>The longest horizon: its weekly tier stays within the 16-bit bucket counts a series keeps per tier.</summary>
    public const int MaxHorizonDays = 7 * 10_000;

    private readonly long[] _resolutions;
    private readonly long[] _limits;
    private readonly long[] _offsets;
    private readonly int[] _maxBuckets;

    public TimeTiers(TimeSpan horizon)
    {
        var seconds = (long)horizon.TotalSeconds;
        if (seconds < Hour || seconds > MaxHorizonDays * Day)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, $"The horizon must be at least one hour and at most {MaxHorizonDays:N0} days.");
        }

        Horizon = seconds;
        var tiers = new List<(long Resolution, long Limit, int MaxBuckets)>();
        foreach (var (resolution, limit, maxBuckets) in _standard)
        {
            tiers.Add((resolution, Math.Min(limit, seconds), maxBuckets));
            if (limit >= seconds)
            {
                break;
            }
        }

        _resolutions = tiers.Select(t => t.Resolution).ToArray();
        _limits = tiers.Select(t => t.Limit).ToArray();
        _offsets = _resolutions.Select(r => r == Week ? MondayOffset : 0).ToArray();
        // The last tier's cap must never cut the horizon short: it holds at least every bucket of the horizon.
        _maxBuckets = tiers.Select((t, i) => i == tiers.Count - 1 ? Math.Max(t.MaxBuckets, (int)(t.Limit / t.Resolution) + 2) : t.MaxBuckets).ToArray();
    }

    public static TimeTiers Default { get; } = new(TimeSpan.FromDays(400));

    /// <summary>Oldest age (seconds) kept in buckets; the longest window a rule may use.</summary>
    public long Horizon { get; }

    public int Count => _resolutions.Length;

    public long Resolution(int tier) => _resolutions[tier];

    /// <summary>Upper age bound of a tier: a bucket moves to the next tier once its end is at least this old.</summary>
    public long Limit(int tier) => _limits[tier];

    /// <summary>Most buckets one series keeps in a tier (see the type remarks).</summary>
    public int MaxBuckets(int tier) => _maxBuckets[tier];

    /// <summary>The tier whose resolution answers a window of this many seconds (at most <see cref="Horizon"/>).</summary>
    public int TierForAge(long age)
    {
        for (var tier = 0; tier < _limits.Length; tier++)
        {
            if (age <= _limits[tier])
            {
                return tier;
            }
        }

        return _limits.Length - 1;
    }

    /// <summary>Start of the tier's bucket that contains <paramref name="time"/>.</summary>
    public long AlignDown(long time, int tier)
    {
        var resolution = _resolutions[tier];
        return (UnixTime.FloorDiv(time - _offsets[tier], resolution) * resolution) + _offsets[tier];
    }

    /// <summary>Index of the tier's bucket containing <paramref name="time"/> (consecutive buckets differ by one).</summary>
    public long BucketIndex(long time, int tier) => UnixTime.FloorDiv(time - _offsets[tier], _resolutions[tier]);

    /// <summary>Start time of the tier's bucket with the given index.</summary>
    public long BucketStart(long index, int tier) => (index * _resolutions[tier]) + _offsets[tier];

    /// <summary>
    /// The tier a bucket of <paramref name="tier"/> starting at <paramref name="start"/> belongs in when the clock reads
    /// <paramref name="reference"/>: it moves up while its end is at least as old as its tier's limit. Returns -1 when
    /// it has aged past the horizon.
    /// </summary>
    public int SettledTier(long start, int tier, long reference)
    {
        if (reference == long.MinValue)
        {
            return tier; // no clock reading yet
        }

        while (reference - (AlignDown(start, tier) + _resolutions[tier]) >= _limits[tier])
        {
            tier++;
            if (tier == _resolutions.Length)
            {
                return -1;
            }
        }

        return tier;
    }

    /// <summary>
    /// The reference time at which a bucket of <paramref name="tier"/> starting at <paramref name="start"/> (aligned to
    /// the tier) moves up a tier.
    /// </summary>
    public long PromotionTime(long start, int tier) =>
        _limits[tier] == long.MaxValue ? UnixTime.Never : start + _resolutions[tier] + _limits[tier];

    /// <summary>The first bucket start (at the window's resolution) counted by "within <paramref name="window"/>" at <paramref name="now"/>.</summary>
    public long WindowStart(long now, long window)
    {
        var tier = TierForAge(window);
        return BucketStart(BucketIndex(now - window, tier) + 1, tier);
    }

    /// <summary>The instant an event bucket starting at <paramref name="start"/> stops counting for a window of this length.</summary>
    public long WindowExit(long start, long window)
    {
        var tier = TierForAge(window);
        return BucketStart(BucketIndex(start, tier), tier) + window;
    }

    /// <summary>
    /// Bounds of an absolute range [from, to) at <paramref name="now"/>, widened to whole buckets at the resolution each
    /// edge's age allows: the start rounds down, the end rounds up, so an old range never loses the events it was
    /// written for (it may gain a few from the edge buckets). Counting buckets that start in [Start, End) is exact under
    /// this definition.
    /// </summary>
    public (long Start, long End) RangeBounds(long now, long from, long to)
    {
        var (startTier, endTier) = RangeEdgeTiers(now, from, to);
        return (AlignDown(from, startTier), AlignUp(to, endTier));
    }

    /// <summary>
    /// The tiers the edges of [from, to) are rounded at. The start edge moves to the next tier one bucket before its age
    /// reaches its tier's limit: events just older than the start may already sit in the coarser tier, and rounding at
    /// that tier keeps them on the right side of the edge.
    /// </summary>
    public (int StartTier, int EndTier) RangeEdgeTiers(long now, long from, long to)
    {
        var startAge = Math.Max(0, now - from);
        var startTier = TierForAge(startAge);
        if (startTier < _limits.Length - 1 && startAge + _resolutions[startTier] > _limits[startTier])
        {
            startTier++;
        }

        return (startTier, TierForAge(Math.Max(0, now - to)));
    }

    /// <summary>The next instant after <paramref name="after"/> at which an edge of a range changes the tier it is rounded at.</summary>
    public long NextTierChange(long edge, long after, bool isStart)
    {
        var next = UnixTime.Never;
        for (var tier = 0; tier < _limits.Length - 1; tier++)
        {
            // End edges move up when their age passes the limit; start edges one bucket earlier.
            var change = edge + _limits[tier] + 1 - (isStart ? _resolutions[tier] : 0);
            if (change > after)
            {
                next = Math.Min(next, change);
            }
        }

        return next;
    }

    private long AlignUp(long time, int tier)
    {
        var down = AlignDown(time, tier);
        return down == time ? time : down + _resolutions[tier];
    }
}
