using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// Which of a customer's series an event reference covers: the event type's series, the series of one or more values
/// of a tracked property (<c>where category in ["a", "b"]</c>), or the type's series minus those
/// (<c>where category != "a"</c>). Counts and sums combine additively; minimum and maximum only over the positive parts
/// (the checker rejects them with negated filters).
/// </summary>
internal sealed class SeriesSelection(string eventType, string? property, IReadOnlyList<string> values, bool negated)
{
    public string EventType { get; } = eventType;

    /// <summary>True when the selection is the type's series or one value's: its windowed count only falls over time.</summary>
    public bool IsSingleSeries => property is null || (!negated && values.Count == 1);

    public long Count(CustomerState state, long start, long end, bool windowed)
    {
        long total = 0;
        foreach (var (series, sign) in Parts(state))
        {
            total += sign * (windowed ? series.CountBetween(start, end) : series.TotalCount);
        }

        return total;
    }

    /// <summary>Sum, average, minimum or maximum of a numeric slot; NaN when no selected event had the property.</summary>
    public double Aggregate(CustomerState state, int slot, AggregateKind kind, long start, long end, bool windowed)
    {
        // Present count, sum, minimum, maximum; minimum and maximum only mean anything without negated parts,
        // which the checker guarantees for min and max.
        Span<double> acc = [0, 0, double.PositiveInfinity, double.NegativeInfinity];
        foreach (var (series, sign) in Parts(state))
        {
            if (windowed)
            {
                series.AccumulateBetween(slot, start, end, sign, acc);
            }
            else
            {
                series.AccumulateTotal(slot, sign, acc);
            }
        }

        return acc[0] <= 0 ? double.NaN : kind switch
        {
            AggregateKind.Count => acc[0],
            AggregateKind.Sum => acc[1],
            AggregateKind.Avg => acc[1] / acc[0],
            AggregateKind.Min => acc[2],
            _ => acc[3],
        };
    }

    /// <summary>Earliest (first) or latest (last) occurred-at over the positive parts; a "never" sentinel when none.</summary>
    public long Time(CustomerState state, bool first)
    {
        var result = first ? long.MaxValue : long.MinValue;
        foreach (var (series, sign) in Parts(state))
        {
            if (sign > 0 && !series.IsEmpty)
            {
                result = first ? Math.Min(result, series.FirstSeen) : Math.Max(result, series.LastSeen);
            }
        }

        return result;
    }

    /// <summary>The next instant after <paramref name="after"/> at which a bucket of any part leaves a window of this length.</summary>
    public long NextExit(CustomerState state, TimeTiers tiers, long window, long after)
    {
        var start = tiers.WindowStart(after, window);
        var next = UnixTime.Never;
        foreach (var (series, _) in Parts(state))
        {
            var index = series.LowerBound(start);
            if (index < series.BucketCount)
            {
                next = Math.Min(next, tiers.WindowExit(series.BucketStarts[index], window));
            }
        }

        return next;
    }

    /// <summary>Most parts a selection can resolve to (the type's series plus one per value).</summary>
    public int MaxParts => 1 + ValueCount;

    /// <summary>Fills <paramref name="buffer"/> with the customer's series of this selection and their signs; returns how many.</summary>
    public int Resolve(CustomerState state, (EventSeries Series, int Sign)[] buffer)
    {
        var count = 0;
        foreach (var part in Parts(state))
        {
            buffer[count++] = part;
        }

        return count;
    }

    /// <summary>The single series of a <see cref="IsSingleSeries"/> selection, or null when the customer has none.</summary>
    public EventSeries? Single(CustomerState state) => property is null
        ? state.Series(EventType)
        : state.ValueSeries(EventType, property)?.Find(values[0]);

    private PartEnumerable Parts(CustomerState state) => new(this, state);

    /// <summary>The series and their signs, without allocating.</summary>
    private readonly struct PartEnumerable(SeriesSelection selection, CustomerState state)
    {
        public PartEnumerator GetEnumerator() => new(selection, state);
    }

    private struct PartEnumerator(SeriesSelection selection, CustomerState state)
    {
        private int _index = -1;

        public (EventSeries Series, int Sign) Current { get; private set; }

        public bool MoveNext()
        {
            var includesType = selection.IsTypeIncluded;
            while (true)
            {
                _index++;
                if (_index == 0)
                {
                    if (includesType && state.Series(selection.EventType) is { } typeSeries)
                    {
                        Current = (typeSeries, 1);
                        return true;
                    }

                    continue;
                }

                var valueIndex = _index - 1;
                if (selection.ValueCount <= valueIndex)
                {
                    return false;
                }

                if (selection.ValueSeries(state, valueIndex) is { } series)
                {
                    Current = (series, includesType ? -1 : 1);
                    return true;
                }
            }
        }
    }

    private bool IsTypeIncluded => property is null || negated;

    private int ValueCount => property is null ? 0 : values.Count;

    private EventSeries? ValueSeries(CustomerState state, int index) =>
        state.ValueSeries(EventType, property!)?.Find(values[index]);
}
