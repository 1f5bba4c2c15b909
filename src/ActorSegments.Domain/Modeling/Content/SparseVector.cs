namespace ActorSegments.Domain.Modeling.Content;

/// <summary>A sparse vector: feature indexes in increasing order with their nonzero values.</summary>
public sealed record SparseVector(int[] Indexes, double[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public double Norm => Math.Sqrt(Values.Sum(v => v * v));

    /// <summary>The vector from index-value pairs (repeated indexes summed, zeros dropped).</summary>
    public static SparseVector From(IEnumerable<KeyValuePair<int, double>> entries)
    {
        var sums = new Dictionary<int, double>();
        foreach (var (index, value) in entries)
        {
            sums[index] = sums.GetValueOrDefault(index) + value;
        }

        var indexes = sums.Where(p => p.Value != 0).Select(p => p.Key).ToArray();
        Array.Sort(indexes);
        return new SparseVector(indexes, [.. indexes.Select(i => sums[i])]);
    }

    /// <summary>This vector scaled to length 1 (the zero vector stays zero).</summary>
    public SparseVector Normalized()
    {
        var norm = Norm;
        return norm == 0 ? this : new SparseVector(Indexes, [.. Values.Select(v => v / norm)]);
    }
}
