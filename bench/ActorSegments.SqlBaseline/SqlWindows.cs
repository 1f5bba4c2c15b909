namespace ActorSegments.SqlBaseline;

/// <summary>How the SQL segments read a time window.</summary>
public enum WindowPrecision
{
    /// <summary>As an analyst writes it: <c>occurred_at &gt; now - interval</c>, exact to the microsecond.</summary>
    Exact,

    /// <summary>
    /// Rounded the way the engine's precision contract answers windows (docs/behavior.md): to the second up to 48 hours,
    /// the minute up to 7 days, the hour up to 35 days, the day up to 100 days, the (Monday) week beyond. Used by the
    /// correctness check to tell translation errors from differences the contract allows.
    /// </summary>
    Tiered,
}

/// <summary>
/// The window predicates of the SQL segments, in either precision. Tiered windows mirror the engine's
/// <c>TimeTiers.WindowStart</c> and <c>RangeBounds</c> so that a difference left under them is a translation error.
/// </summary>
public sealed class SqlWindows(WindowPrecision precision, DateTimeOffset now)
{
    private const long Minute = 60;
    private const long Hour = 3600;
    private const long Day = 86_400;
    private const long Week = 7 * Day;
    private const long MondayOffset = 4 * Day; // 1970-01-05 was a Monday
    private const long Horizon = 400 * Day;    // the engine's default horizon

    private static readonly (long Resolution, long Limit)[] Tiers =
        [(1, 48 * Hour), (Minute, 7 * Day), (Hour, 35 * Day), (Day, 100 * Day), (Week, Horizon)];

    public WindowPrecision Precision => precision;

    /// <summary>"within <paramref name="seconds"/>" at <c>@now</c> for the events aliased <paramref name="alias"/>.</summary>
    public string Within(string alias, long seconds)
    {
        if (precision == WindowPrecision.Exact)
        {
            return $"{alias}.occurred_at > @now - interval '{seconds} seconds'";
        }

        var (resolution, _) = Tiers[TierForAge(seconds)];
        var offset = resolution == Week ? MondayOffset : 0;
        // The first bucket start counted is the one after the bucket holding now - W; the engine keeps whole seconds.
        var start = $"((floor((extract(epoch from @now)::bigint - {seconds} - {offset}) / {resolution}::numeric) + 1) * {resolution} + {offset})";
        // The plain comparison first, widened by one bucket, so that the (type, occurred_at) index still narrows the scan.
        return $"{alias}.occurred_at > @now - interval '{seconds + resolution} seconds' AND floor(extract(epoch from {alias}.occurred_at)) >= {start}";
    }

    /// <summary>"between <paramref name="from"/> and <paramref name="to"/>" (from included, to excluded).</summary>
    public string Between(string alias, DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = precision == WindowPrecision.Exact ? (from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds()) : RangeBounds(from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds());
        return $"{alias}.occurred_at >= to_timestamp({start}) AND {alias}.occurred_at < to_timestamp({end})";
    }

    /// <summary>The engine's widening of an absolute range: the start rounds down, the end up, each at its edge's tier.</summary>
    private (long Start, long End) RangeBounds(long from, long to)
    {
        var current = now.ToUnixTimeSeconds();
        var startAge = Math.Max(0, current - from);
        var startTier = TierForAge(startAge);
        if (startTier < Tiers.Length - 1 && startAge + Tiers[startTier].Resolution > Tiers[startTier].Limit)
        {
            startTier++; // the engine moves a start edge up one bucket early (see TimeTiers.RangeEdgeTiers)
        }

        var endTier = TierForAge(Math.Max(0, current - to));
        var down = AlignDown(to, endTier);
        return (AlignDown(from, startTier), down == to ? to : down + Tiers[endTier].Resolution);
    }

    private static int TierForAge(long age)
    {
        for (var tier = 0; tier < Tiers.Length; tier++)
        {
            if (age <= Tiers[tier].Limit)
            {
                return tier;
            }
        }

        return Tiers.Length - 1;
    }

    private static long AlignDown(long time, int tier)
    {
        var resolution = Tiers[tier].Resolution;
        var offset = resolution == Week ? MondayOffset : 0;
        return (long)Math.Floor((time - offset) / (double)resolution) * resolution + offset;
    }
}
