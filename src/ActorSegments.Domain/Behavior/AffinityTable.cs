namespace ActorSegments.Domain.Behavior;

/// <summary>
/// The customer's strongest interests in one dimension (products or categories): at most K keys with decayed
/// interaction weights. When full, a new key replaces the weakest one if it already outweighs it. All weights decay at
/// the same rate, so the ranking depends only on the events, never on when it is read.
/// </summary>
public sealed class AffinityTable
{
    private readonly List<(string Key, double Weight)> _entries = [];

    /// <summary>The time weights are measured at (Unix seconds).</summary>
    public long Reference { get; private set; }

    public int Count => _entries.Count;

    public void Add(string key, double weight, long time, double halfLifeSeconds, int capacity)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries.Count == 0 || time > Reference)
        {
            Rebase(time, halfLifeSeconds);
        }

        var value = weight * Math.Pow(2, -(Reference - time) / halfLifeSeconds);
        var index = _entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            _entries[index] = (key, _entries[index].Weight + value);
            return;
        }

        if (_entries.Count < capacity)
        {
            _entries.Add((key, value));
            return;
        }

        var weakest = 0;
        for (var i = 1; i < _entries.Count; i++)
        {
            if (_entries[i].Weight < _entries[weakest].Weight)
            {
                weakest = i;
            }
        }

        if (value > _entries[weakest].Weight)
        {
            _entries[weakest] = (key, value);
        }
    }

    /// <summary>Keys by descending weight (ties by key), at most <paramref name="count"/>.</summary>
    public IReadOnlyList<string> Top(int count) => _entries
        .OrderByDescending(e => e.Weight)
        .ThenBy(e => e.Key, StringComparer.Ordinal)
        .Take(count)
        .Select(e => e.Key)
        .ToArray();

    /// <summary>Keys and weights as of <paramref name="now"/>, strongest first.</summary>
    public IReadOnlyList<(string Key, double Weight)> Weights(long now, double halfLifeSeconds) => _entries
        .Select(e => (e.Key, e.Weight * Math.Pow(2, -(now - Reference) / halfLifeSeconds)))
        .OrderByDescending(e => e.Item2)
        .ThenBy(e => e.Key, StringComparer.Ordinal)
        .ToArray();

    internal IReadOnlyList<(string Key, double Weight)> Entries => _entries;

    internal void Restore(long reference, IEnumerable<(string Key, double Weight)> entries)
    {
        Reference = reference;
        _entries.Clear();
        _entries.AddRange(entries);
    }

    private void Rebase(long time, double halfLifeSeconds)
    {
        var factor = Math.Pow(2, -(time - Reference) / halfLifeSeconds);
        for (var i = 0; i < _entries.Count; i++)
        {
            _entries[i] = (_entries[i].Key, _entries[i].Weight * factor);
        }

        Reference = time;
    }
}
