namespace ActorSegments.Domain.Behavior;

/// <summary>
/// Per-value series of one tracked property of one event type (e.g. product_viewed.category), at most a fixed number of
/// values: when full, the least recently seen value makes room for a newer one; a late event of an unknown value does
/// not evict a value seen more recently.
/// </summary>
public sealed class ValueSeriesSet
{
    private readonly Dictionary<string, EventSeries> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, EventSeries> Values => _values;

    /// <summary>The series to record a value in, or null when the value cannot be tracked (full and too old).</summary>
    public EventSeries? SeriesFor(string value, long time, EventTypeModel type, int capacity)
    {
        if (_values.TryGetValue(value, out var series))
        {
            return series;
        }

        if (_values.Count >= capacity)
        {
            var oldest = _values.MinBy(p => p.Value.LastSeen);
            if (oldest.Value.LastSeen >= time)
            {
                return null;
            }

            _values.Remove(oldest.Key);
        }

        // Per-value series aggregate only the tracked numbers: their all-time totals of untracked numbers would cost
        // every value a few bytes for figures no rule asks per value.
        series = new EventSeries(type.BucketSlotCount, type.BucketSlotCount);
        _values[value] = series;
        return series;
    }

    internal void Restore(string value, EventSeries series) => _values[value] = series;
}
