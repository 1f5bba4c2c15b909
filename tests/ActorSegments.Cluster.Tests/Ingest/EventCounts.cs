namespace ActorSegments.Cluster.Tests.Ingest;

/// <summary>One customer's events by type.</summary>
internal sealed class EventCounts
{
    private readonly SortedDictionary<string, long> _byType = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> ByType => _byType;

    public long Total => _byType.Values.Sum();

    public long Of(string type) => _byType.GetValueOrDefault(type);

    public void Add(string type) => _byType[type] = Of(type) + 1;

    public override string ToString() => string.Join(", ", _byType.Select(p => $"{p.Key} {p.Value}"));
}
