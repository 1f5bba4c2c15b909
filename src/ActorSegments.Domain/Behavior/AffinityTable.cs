namespace ActorSegments.Domain.Behavior;

/// <summary>
/// The customer's strongest interests in one dimension (products or categories): at most K keys with decayed
/// interaction weights. When full, a new key replaces the weakest one if it already outweighs it. All weights decay at
/// the same rate, so the ranking depends only on the events, never on when it is read.
/// </summary>
/// <remarks>
/// Weights are held as of <see cref="Reference"/>, and a later event's weight is scaled up to that reference instead
/// of decaying every entry on every event; the reference moves forward only when the scale grows large. Entries are
/// kept in ranking order, so reading the ranking costs nothing and an event moves at most one entry. Keys and weights
/// are two arrays exactly as long as the table. The keys array is itself the ranking handed to readers (rules read it
/// on every event that touches interests); once handed out it is copied before it changes, so a ranking read never
/// changes afterwards and no customer keeps a second copy of it, and a table nobody read reorders in place.
/// </remarks>
public sealed class AffinityTable
{
    /// <summary>Half-lives an event may lie after the reference before weights are rebased (2^64 stays far from overflow).</summary>
    private const double MaxScaleExponent = 64;

    private string[] _keys = [];
    private double[] _weights = [];

    // The keys array has been handed out as the ranking: it is copied before it changes (see remarks).
    private bool _keysLent;

    /// <summary>The time weights are measured at (Unix seconds).</summary>
    public long Reference { get; private set; }

    public int Count => _keys.Length;

    public void Add(string key, double weight, long time, double halfLifeSeconds, int capacity)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_keys.Length == 0 || (time - Reference) / halfLifeSeconds > MaxScaleExponent)
        {
            Rebase(time, halfLifeSeconds);
        }

        var value = weight * Math.Pow(2, (time - Reference) / halfLifeSeconds);
        var index = IndexOf(key);
        if (index >= 0)
        {
            _weights[index] += value;
            Rise(index);
            return;
        }

        if (_keys.Length < capacity)
        {
            // Grown by one: a new interest is rare next to the events that strengthen known ones.
            (_keys, _weights, _keysLent) = ([.. _keys, SharedStrings.Intern(key)], [.. _weights, value], false);
            Rise(_keys.Length - 1);
            return;
        }

        var weakest = _keys.Length - 1;
        if (value > _weights[weakest])
        {
            OwnKeys();
            (_keys[weakest], _weights[weakest]) = (SharedStrings.Intern(key), value);
            Rise(weakest);
        }
    }

    /// <summary>Keys by descending weight (ties by key), at most <paramref name="count"/>.</summary>
    public IReadOnlyList<string> Top(int count)
    {
        if (count < _keys.Length)
        {
            return _keys[..count];
        }

        _keysLent = true;
        return _keys;
    }

    /// <summary>Keys and weights as of <paramref name="now"/>, strongest first.</summary>
    public IReadOnlyList<(string Key, double Weight)> Weights(long now, double halfLifeSeconds) => _keys
        .Select((key, i) => (key, _weights[i] * Math.Pow(2, -(now - Reference) / halfLifeSeconds)))
        .ToArray();

    internal IReadOnlyList<(string Key, double Weight)> Entries => _keys.Select((key, i) => (key, _weights[i])).ToArray();

    internal void Restore(long reference, IEnumerable<(string Key, double Weight)> entries)
    {
        var restored = entries.ToArray();
        Reference = reference;
        (_keys, _weights, _keysLent) = ([.. restored.Select(e => e.Key)], [.. restored.Select(e => e.Weight)], false);
        SortEntries();
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Copies the keys if a reader holds them, so what it read does not change under it.</summary>
    private void OwnKeys()
    {
        if (_keysLent)
        {
            (_keys, _keysLent) = ([.. _keys], false);
        }
    }

    private bool Outranks(int a, int b) => Outranks(_keys[a], _weights[a], _keys[b], _weights[b]);

    private static bool Outranks(string aKey, double aWeight, string bKey, double bWeight) =>
        aWeight > bWeight || (aWeight == bWeight && string.CompareOrdinal(aKey, bKey) < 0);

    /// <summary>Moves an entry whose weight grew towards the front until the ranking holds again.</summary>
    private void Rise(int index)
    {
        while (index > 0 && Outranks(index, index - 1))
        {
            OwnKeys();
            (_keys[index], _keys[index - 1]) = (_keys[index - 1], _keys[index]);
            (_weights[index], _weights[index - 1]) = (_weights[index - 1], _weights[index]);
            index--;
        }
    }

    private void Rebase(long time, double halfLifeSeconds)
    {
        var factor = Math.Pow(2, -(time - Reference) / halfLifeSeconds);
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] *= factor;
        }

        Reference = time;
        SortEntries(); // weights that underflow to zero now tie and rank by key
    }

    private void SortEntries()
    {
        var order = Enumerable.Range(0, _keys.Length).ToArray();
        Array.Sort(order, (a, b) => Outranks(a, b) ? -1 : Outranks(b, a) ? 1 : 0);
        if (order.Select((from, to) => from == to).All(same => same))
        {
            return;
        }

        (_keys, _weights, _keysLent) = ([.. order.Select(i => _keys[i])], [.. order.Select(i => _weights[i])], false);
    }
}
