using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", 2019): the item × item weights B that best
/// rebuild each customer's row from its other items under an L2 penalty λ, in closed form:
/// P = (XᵀX + λI)⁻¹, B(i, j) = -P(i, j) / P(j, j) for i ≠ j, and 0 on the diagonal. A customer's score of item j is
/// Σ_i x_i B(i, j), so each item keeps its largest positive B(i, ·) as its neighbors and the item-to-item scoring reads
/// them unchanged; negative weights are dropped, as the scoring only ranks items that received votes.
/// </summary>
/// <remarks>
/// X holds the matrix's weights divided by the purchase weight, so a purchase counts 1 and λ is in customers.
/// </remarks>
internal static class EaseWeights
{
    public static ItemNeighbor[][] Neighbors(CustomerItemMatrix matrix, RecommendationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.EaseRegularization, nameof(options));
        var n = matrix.Items.Length;
        var gram = Gram(matrix, options.PurchaseWeight > 0 ? options.PurchaseWeight : 1);
        for (var i = 0; i < n; i++)
        {
            gram[(i * n) + i] += options.EaseRegularization;
        }

        var diagonal = SymmetricInverse.InvertInPlace(gram, n, cancellationToken);
        var neighbors = new ItemNeighbor[n][];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var weights = new List<ItemNeighbor>();
            for (var j = 0; j < n; j++)
            {
                var weight = j == i ? 0 : -gram[(Math.Max(i, j) * n) + Math.Min(i, j)] / diagonal[j];
                if (weight > 0)
                {
                    weights.Add(new ItemNeighbor(j, (float)weight));
                }
            }

            neighbors[i] = [.. weights.OrderByDescending(w => w.Similarity).ThenBy(w => w.Item).Take(options.NeighborsPerItem)];
        });
        return neighbors;
    }

    /// <summary>XᵀX as a dense row-major array, both triangles: row i sums, over item i's customers, their rows times their weight of i.</summary>
    internal static double[] Gram(CustomerItemMatrix matrix, double scale)
    {
        var n = matrix.Items.Length;
        var gram = new double[(long)n * n <= Array.MaxLength ? n * n : throw new ArgumentOutOfRangeException(nameof(matrix), $"{n} items are too many for a dense item × item matrix.")];
        var (columnStarts, customers, customerWeights) = ItemSimilarity.Transpose(matrix);
        var squared = scale * scale;
        Parallel.For(0, n, item =>
        {
            for (var k = columnStarts[item]; k < columnStarts[item + 1]; k++)
            {
                var customer = customers[k];
                for (var j = matrix.RowStarts[customer]; j < matrix.RowStarts[customer + 1]; j++)
                {
                    gram[((long)item * n) + matrix.Columns[j]] += (double)customerWeights[k] * matrix.Weights[j] / squared;
                }
            }
        });
        return gram;
    }
}
