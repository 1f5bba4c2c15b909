namespace ActorSegments.Domain.Behavior;

/// <summary>
/// Per-value series of one tracked property of one event type (e.g. product_viewed.category), at most a fixed number of
/// values: when full, the least recently seen value makes room for a newer one; a late event of an unknown value does
/// not evict a value seen more recently.
/// </summary>
/// <remarks>
/// Values are few (16 by default), so they live in two parallel arrays searched linearly rather than in a dictionary,
/// whose buckets and entries cost an active customer more than the series themselves. Keys are pooled
/// (<see cref="SharedStrings"/>), so a lookup usually matches by reference.
/// </remarks>
public sealed class ValueSeriesSet
{
    private string[] _keys = [];
    private EventSeries[] _series = [];
    private int _count;

    public int Count => _count;

    /// <summary>The values and their series, in the order they were first recorded.</summary>
    public IEnumerable<KeyValuePair<string, EventSeries>> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return new(_keys[i], _series[i]);
            }
        }
    }

    /// <summary>The series of one value, or null when the customer has none.</summary>
    public EventSeries? Find(string value)
    {
        var index = IndexOf(value);
        return index < 0 ? null : _series[index];
    }

    /// <summary>The series to record a value in, or null when the value cannot be tracked (full and too old).</summary>
    public EventSeries? SeriesFor(string value, long time, EventTypeModel type, int capacity)
    {
        var index = IndexOf(value);
        if (index >= 0)
        {
            return _series[index];
        }

        if (_count >= capacity)
        {
            var oldest = 0;
            for (var i = 1; i < _count; i++)
            {
                if (_series[i].LastSeen < _series[oldest].LastSeen)
                {
                    oldest = i;
                }
            }

            if (_series[oldest].LastSeen >= time)
            {
                return null;
            }

            RemoveAt(oldest);
        }

        // Per-value series aggregate only the tracked numbers: their all-time totals of untracked numbers would cost
        // every value a few bytes for figures no rule asks per value.
        var series = new EventSeries(type.BucketSlotCount, type.BucketSlotCount);
        Append(SharedStrings.Intern(value), series);
        return series;
    }

    internal void Restore(string value, EventSeries series)
    {
        var index = IndexOf(value);
        if (index >= 0)
        {
            _series[index] = series;
            return;
        }

        Append(SharedStrings.Intern(value), series);
    }

    private int IndexOf(string value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_keys[i], value))
            {
                return i;
            }
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(string value, EventSeries series)
    {
        if (_count == _keys.Length)
        {
            var capacity = Math.Max(2, _count * 2);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _series, capacity);
        }

        _keys[_count] = value;
        _series[_count] = series;
        _count++;
    }

    private void RemoveAt(int index)
    {
        _count--;
        Array.Copy(_keys, index + 1, _keys, index, _count - index);
        Array.Copy(_series, index + 1, _series, index, _count - index);
        _keys[_count] = null!;
        _series[_count] = null!;
    }
}
