namespace ActorSegments.Domain.Behavior;

/// <summary>
/// Per-value series of one tracked property of one event type (e.g. product_viewed.category), at most a fixed number of
/// values: when full, the least recently seen value makes room for a newer one; a late event of an unknown value does
/// not evict a value seen more recently.
/// </summary>
/// <remarks>
/// Values are few (16 by default), so they live in one array of pairs exactly as long as the values, searched linearly,
/// rather than in a dictionary, whose buckets and entries cost an active customer more than the series themselves.
/// Keys are pooled (<see cref="SharedStrings"/>), so a lookup usually matches by reference.
/// </remarks>
public sealed class ValueSeriesSet
{
    private (string Key, EventSeries Series)[] _entries = [];

    public int Count => _entries.Length;

    /// <summary>The values and their series, in the order they were first recorded.</summary>
    public IEnumerable<KeyValuePair<string, EventSeries>> Values
    {
        get
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                yield return new(_entries[i].Key, _entries[i].Series);
            }
        }
    }

    /// <summary>The series of one value, or null when the customer has none.</summary>
    public EventSeries? Find(string value)
    {
        var index = IndexOf(value);
        return index < 0 ? null : _entries[index].Series;
    }

    /// <summary>The series to record a value in, or null when the value cannot be tracked (full and too old).</summary>
    public EventSeries? SeriesFor(string value, long time, EventTypeModel type, int capacity)
    {
        var index = IndexOf(value);
        if (index >= 0)
        {
            return _entries[index].Series;
        }

        // Per-value series aggregate only the tracked numbers: their all-time totals of untracked numbers would cost
        // every value a few bytes for figures no rule asks per value.
        if (_entries.Length < capacity)
        {
            var added = new EventSeries(type.BucketSlotCount, type.BucketSlotCount);
            Append(SharedStrings.Intern(value), added);
            return added;
        }

        var oldest = 0;
        for (var i = 1; i < _entries.Length; i++)
        {
            if (_entries[i].Series.LastSeen < _entries[oldest].Series.LastSeen)
            {
                oldest = i;
            }
        }

        if (_entries[oldest].Series.LastSeen >= time)
        {
            return null;
        }

        // The least recently seen value leaves, the new one comes last: the array keeps its length.
        var series = new EventSeries(type.BucketSlotCount, type.BucketSlotCount);
        Array.Copy(_entries, oldest + 1, _entries, oldest, _entries.Length - oldest - 1);
        _entries[^1] = (SharedStrings.Intern(value), series);
        return series;
    }

    internal void Restore(string value, EventSeries series)
    {
        var index = IndexOf(value);
        if (index >= 0)
        {
            _entries[index].Series = series;
            return;
        }

        Append(SharedStrings.Intern(value), series);
    }

    private int IndexOf(string value)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (ReferenceEquals(_entries[i].Key, value))
            {
                return i;
            }
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Key, value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Adds a value after the others; the array grows by one, since a customer's values are few and rarely new.</summary>
    private void Append(string value, EventSeries series) => _entries = [.. _entries, (value, series)];
}
