namespace ActorSegments.Content;

/// <summary>
/// Groups the renderings of one template over a sample of customers by their exact text: which variants a segment
/// would receive and how many customers get each.
/// </summary>
public sealed class VariantTally(int maxExamples)
{
    private readonly Dictionary<string, Entry> _variants = new(StringComparer.Ordinal);

    /// <summary>Customers added.</summary>
    public int Customers { get; private set; }

    /// <summary>Distinct texts seen.</summary>
    public int Distinct => _variants.Count;

    public void Add(string customerId, string content)
    {
        if (!_variants.TryGetValue(content, out var entry))
        {
            _variants[content] = entry = new Entry(_variants.Count);
        }

        entry.Customers++;
        if (entry.Examples.Count < maxExamples)
        {
            entry.Examples.Add(customerId);
        }

        Customers++;
    }

    /// <summary>The <paramref name="max"/> most common variants, most customers first (ties: the one seen first).</summary>
    public IReadOnlyList<RenderedVariant> Top(int max) =>
        [.. _variants
            .OrderByDescending(v => v.Value.Customers)
            .ThenBy(v => v.Value.Order)
            .Take(max)
            .Select(v => new RenderedVariant(v.Key, v.Value.Customers, [.. v.Value.Examples]))];

    private sealed class Entry(int order)
    {
        public int Order { get; } = order;

        public int Customers { get; set; }

        public List<string> Examples { get; } = [];
    }
}
