using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// A customer's event series by event type, in the order the types first occurred: one array of pairs exactly as long
/// as the types, searched linearly, instead of a dictionary (whose object, buckets and entries cost a typical customer
/// of three or four types about twice as much). A customer past <see cref="ScanLimit"/> types gets a hash index too,
/// so a heavy customer's lookups stay one hash.
/// </summary>
internal sealed class SeriesByType : IReadOnlyDictionary<string, EventSeries>
{
    private const int ScanLimit = 8;

    private (string Type, EventSeries Series)[] _entries = [];
    private Dictionary<string, int>? _index;

    public int Count => _entries.Length;

    /// <summary>The types and their series, for loops that must not allocate an enumerator.</summary>
    public ReadOnlySpan<(string Type, EventSeries Series)> Entries => _entries;

    public EventSeries this[string key] => TryGetValue(key, out var series) ? series : throw new KeyNotFoundException($"No series of event type '{key}'.");

    public IEnumerable<string> Keys => _entries.Select(e => e.Type);

    public IEnumerable<EventSeries> Values => _entries.Select(e => e.Series);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out EventSeries value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Series : null;
        return index >= 0;
    }

    /// <summary>Sets the series of <paramref name="type"/>, adding the type after the others when it is new.</summary>
    public void Set(string type, EventSeries series)
    {
        var index = IndexOf(type);
        if (index >= 0)
        {
            _entries[index].Series = series;
            return;
        }

        _entries = [.. _entries, (type, series)];
        if (_index is not null)
        {
            _index[type] = _entries.Length - 1;
        }
        else if (_entries.Length > ScanLimit)
        {
            _index = new Dictionary<string, int>(_entries.Length * 2, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Length; i++)
            {
                _index[_entries[i].Type] = i;
            }
        }
    }

    public IEnumerator<KeyValuePair<string, EventSeries>> GetEnumerator()
    {
        foreach (var (type, series) in _entries)
        {
            yield return new(type, series);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.GetValueOrDefault(key, -1);
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Type, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
