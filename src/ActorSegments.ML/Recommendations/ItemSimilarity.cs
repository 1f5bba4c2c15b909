using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// Item-to-item cosine similarity over customers: for two items, the dot product of their customer-weight columns
/// divided by both columns' lengths. Only pairs that some customers share are ever visited, through each item's
/// customers and their rows, so the cost is the sum of the squared row lengths rather than the square of the catalog.
/// </summary>
internal static class ItemSimilarity
{
    /// <summary>
    /// Per item, its most similar items (most similar first, the lower item number on a tie), at most
    /// <see cref="RecommendationOptions.NeighborsPerItem"/>, each shared by at least
    /// <see cref="RecommendationOptions.MinimumCoOccurrence"/> customers.
    /// </summary>
    public static ItemNeighbor[][] Neighbors(CustomerItemMatrix matrix, RecommendationOptions options, CancellationToken cancellationToken = default)
    {
        var itemCount = matrix.Items.Length;
        var (columnStarts, customers, customerWeights) = Transpose(matrix);
        var norms = new double[itemCount];
        for (var i = 0; i < matrix.Columns.Length; i++)
        {
            norms[matrix.Columns[i]] += (double)matrix.Weights[i] * matrix.Weights[i];
        }

        var neighbors = new ItemNeighbor[itemCount][];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, itemCount, parallel, () => new Scratch(itemCount), (item, _, scratch) =>
        {
            for (var k = columnStarts[item]; k < columnStarts[item + 1]; k++)
            {
                var customer = customers[k];
                for (var j = matrix.RowStarts[customer]; j < matrix.RowStarts[customer + 1]; j++)
                {
                    scratch.Add(matrix.Columns[j], (double)customerWeights[k] * matrix.Weights[j]);
                }
            }

            neighbors[item] = [.. scratch.Touched
                .Where(other => other != item && scratch.Counts[other] >= options.MinimumCoOccurrence)
                .Select(other => new ItemNeighbor(other, (float)(scratch.Dots[other] / Math.Sqrt(norms[item] * norms[other]))))
                .OrderByDescending(n => n.Similarity)
                .ThenBy(n => n.Item)
                .Take(options.NeighborsPerItem)];
            scratch.Clear();
            return scratch;
        }, _ => { });
        return neighbors;
    }

    /// <summary>The matrix by item: item i's customers are Customers[ColumnStarts[i]..ColumnStarts[i + 1]].</summary>
    internal static (int[] ColumnStarts, int[] Customers, float[] Weights) Transpose(CustomerItemMatrix matrix)
    {
        var starts = new int[matrix.Items.Length + 1];
        foreach (var item in matrix.Columns)
        {
            starts[item + 1]++;
        }

        for (var i = 0; i < matrix.Items.Length; i++)
        {
            starts[i + 1] += starts[i];
        }

        var next = starts[..^1];
        var customers = new int[matrix.Columns.Length];
        var weights = new float[matrix.Columns.Length];
        for (var customer = 0; customer < matrix.CustomerCount; customer++)
        {
            for (var j = matrix.RowStarts[customer]; j < matrix.RowStarts[customer + 1]; j++)
            {
                var slot = next[matrix.Columns[j]]++;
                customers[slot] = customer;
                weights[slot] = matrix.Weights[j];
            }
        }

        return (starts, customers, weights);
    }

    /// <summary>One thread's accumulators over the whole catalog, reset through the list of entries it touched.</summary>
    private sealed class Scratch(int itemCount)
    {
        public double[] Dots { get; } = new double[itemCount];

        public int[] Counts { get; } = new int[itemCount];

        public List<int> Touched { get; } = [];

        public void Add(int item, double product)
        {
            if (Counts[item]++ == 0)
            {
                Touched.Add(item);
            }

            Dots[item] += product;
        }

        public void Clear()
        {
            foreach (var item in Touched)
            {
                (Dots[item], Counts[item]) = (0, 0);
            }

            Touched.Clear();
        }
    }
}
