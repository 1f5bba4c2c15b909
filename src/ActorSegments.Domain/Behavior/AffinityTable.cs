namespace ActorSegments.Domain.Behavior;

/// <summary>
/// The customer's strongest interests in one dimension (products or categories): at most K keys with decayed
/// interaction weights. When full, a new key replaces the weakest one if it already outweighs it. All weights decay at
/// the same rate, so the ranking depends only on the events, never on when it is read.
/// </summary>
/// <remarks>
/// Weights are held as of <see cref="Reference"/>, and a later event's weight is scaled up to that reference instead
/// of decaying every entry on every event; the reference moves forward only when the scale grows large. Entries are
/// kept in ranking order, so reading the ranking costs nothing and an event moves at most one entry.
/// </remarks>
public sealed class AffinityTable
{
    /// <summary>Half-lives an event may lie after the reference before weights are rebased (2^64 stays far from overflow).</summary>
    private const double MaxScaleExponent = 64;

    private readonly List<(string Key, double Weight)> _entries = [];
    private string[]? _ranked;

    /// <summary>The time weights are measured at (Unix seconds).</summary>
    public long Reference { get; private set; }

    public int Count => _entries.Count;

    public void Add(string key, double weight, long time, double halfLifeSeconds, int capacity)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries.Count == 0 || (time - Reference) / halfLifeSeconds > MaxScaleExponent)
        {
            Rebase(time, halfLifeSeconds);
        }

        var value = weight * Math.Pow(2, (time - Reference) / halfLifeSeconds);
        var index = IndexOf(key);
        if (index >= 0)
        {
            _entries[index] = (key, _entries[index].Weight + value);
            Rise(index);
            return;
        }

        if (_entries.Count < capacity)
        {
            // Grow no further than the table's capacity: the list's own doubling would leave a full table of 10 with
            // room for 16.
            if (_entries.Count == _entries.Capacity)
            {
                _entries.Capacity = Math.Min(capacity, Math.Max(2, _entries.Count * 2));
            }

            _entries.Add((SharedStrings.Intern(key), value));
            _ranked = null;
            Rise(_entries.Count - 1);
            return;
        }

        var weakest = _entries.Count - 1;
        if (value > _entries[weakest].Weight)
        {
            _entries[weakest] = (SharedStrings.Intern(key), value);
            _ranked = null;
            Rise(weakest);
        }
    }

    /// <summary>Keys by descending weight (ties by key), at most <paramref name="count"/>.</summary>
    public IReadOnlyList<string> Top(int count)
    {
        _ranked ??= [.. _entries.Select(e => e.Key)];
        return count >= _ranked.Length ? _ranked : _ranked[..count];
    }

    /// <summary>Keys and weights as of <paramref name="now"/>, strongest first.</summary>
    public IReadOnlyList<(string Key, double Weight)> Weights(long now, double halfLifeSeconds) => _entries
        .Select(e => (e.Key, e.Weight * Math.Pow(2, -(now - Reference) / halfLifeSeconds)))
        .ToArray();

    internal IReadOnlyList<(string Key, double Weight)> Entries => _entries;

    internal void Restore(long reference, IEnumerable<(string Key, double Weight)> entries)
    {
        _ranked = null;
        Reference = reference;
        _entries.Clear();
        _entries.AddRange(entries);
        SortEntries();
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Outranks((string Key, double Weight) a, (string Key, double Weight) b) =>
        a.Weight > b.Weight || (a.Weight == b.Weight && string.CompareOrdinal(a.Key, b.Key) < 0);

    /// <summary>Moves an entry whose weight grew towards the front until the ranking holds again.</summary>
    private void Rise(int index)
    {
        while (index > 0 && Outranks(_entries[index], _entries[index - 1]))
        {
            (_entries[index], _entries[index - 1]) = (_entries[index - 1], _entries[index]);
            index--;
            _ranked = null;
        }
    }

    private void Rebase(long time, double halfLifeSeconds)
    {
        var factor = Math.Pow(2, -(time - Reference) / halfLifeSeconds);
        for (var i = 0; i < _entries.Count; i++)
        {
            _entries[i] = (_entries[i].Key, _entries[i].Weight * factor);
        }

        Reference = time;
        SortEntries(); // weights that underflow to zero now tie and rank by key
    }

    private void SortEntries()
    {
        _ranked = null;
        _entries.Sort(static (a, b) => Outranks(a, b) ? -1 : Outranks(b, a) ? 1 : 0);
    }
}
