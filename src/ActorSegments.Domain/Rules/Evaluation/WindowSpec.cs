using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>The time window of an aggregate: all time, the last N seconds, or an absolute range [From, To).</summary>
internal readonly record struct WindowSpec(bool Relative, bool Absolute, long Seconds, long From, long To)
{
    public static WindowSpec AllTime => default;

    public static WindowSpec Last(long seconds) => new(true, false, seconds, 0, 0);

    public static WindowSpec Between(long from, long to) => new(false, true, 0, from, to);

    public bool IsWindowed => Relative || Absolute;

    /// <summary>The bucket-start bounds the window covers at this instant (see <see cref="TimeTiers"/>).</summary>
    public (long Start, long End) Bounds(TimeTiers tiers, long now) => Relative
        ? (tiers.WindowStart(now, Seconds), long.MaxValue)
        : Absolute ? tiers.RangeBounds(now, From, To) : (long.MinValue, long.MaxValue);

    /// <summary>The next instant after <paramref name="after"/> at which the window's content may change on its own.</summary>
    public long NextCandidate(SeriesSelection selection, in EvaluationContext context, long after) => Relative
        ? selection.NextExit(context.State, context.Model.Tiers, Seconds, after)
        : Absolute ? Math.Min(context.Model.Tiers.NextTierChange(From, after, isStart: true), context.Model.Tiers.NextTierChange(To, after, isStart: false)) : UnixTime.Never;
}
