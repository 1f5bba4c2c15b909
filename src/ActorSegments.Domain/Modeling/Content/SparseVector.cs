namespace ActorSegments.Domain.Modeling.Content;

/// <summary>A sparse vector: feature indexes in increasing order with their nonzero values.</summary>
public sealed record SparseVector(int[] Indexes, double[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public double Norm
    {
        get
        {
            var sum = 0.0;
            foreach (var value in Values)
            {
                sum += value * value;
            }

            return Math.Sqrt(sum);
        }
    }

    /// <summary>The dot product, merging the two sorted index lists.</summary>
    public double Dot(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (sum, i, j) = (0.0, 0, 0);
        while (i < Indexes.Length && j < other.Indexes.Length)
        {
            var order = Indexes[i].CompareTo(other.Indexes[j]);
            if (order == 0)
            {
                sum += Values[i++] * other.Values[j++];
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

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
        if (norm == 0)
        {
            return this;
        }

        var values = new double[Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Values[i] / norm;
        }

        return new SparseVector(Indexes, values);
    }
}
