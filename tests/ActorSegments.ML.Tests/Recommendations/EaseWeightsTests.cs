using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Recommendations;
using static ActorSegments.ML.Tests.Recommendations.CoPurchaseGroups;

namespace ActorSegments.ML.Tests.Recommendations;

public sealed class EaseWeightsTests
{
    private static readonly RecommendationOptions Ease = new() { Method = RecommendationMethod.Ease, EaseRegularization = 2 };

    [Fact]
    public void TwoItems_WeighEachOtherByTheirSharedCustomersOverTheirOwnPlusLambda()
    {
        // Two items: B = I - P·diag(1/diag P) with P = [[a, b], [b, c]]⁻¹ gives B(0, 1) = b / a and B(1, 0) = b / c,
        // a = XᵀX(0, 0) + λ. Here "x" is bought by 5 customers, "y" by 3, both by 2: B(x, y) = 2 / 7, B(y, x) = 2 / 5.
        var interactions = new List<ItemInteraction>();
        for (var c = 0; c < 6; c++)
        {
            if (c < 5)
            {
                interactions.Add(Of($"c{c}", "x", InteractionKind.Purchase));
            }

            if (c >= 3)
            {
                interactions.Add(Of($"c{c}", "y", InteractionKind.Purchase));
            }
        }

        var neighbors = EaseWeights.Neighbors(CustomerItemMatrix.Build(interactions, Ease), Ease, TestContext.Current.CancellationToken);

        Assert.Equal(new ItemNeighbor(1, 2f / 7), neighbors[0].Single());
        Assert.Equal(new ItemNeighbor(0, 2f / 5), neighbors[1].Single());
    }

    [Fact]
    public void Weights_MatchTheClosedFormOverADirectInverseAndKeepTheLargestPositiveOnes()
    {
        var options = Ease with { NeighborsPerItem = 3 };
        var matrix = CustomerItemMatrix.Build(Interactions(), options);
        var n = matrix.Items.Length;
        var gram = EaseWeights.Gram(matrix, options.PurchaseWeight);
        var p = GaussJordanInverse([.. gram.Select((g, k) => k / n == k % n ? g + options.EaseRegularization : g)], n);

        var neighbors = EaseWeights.Neighbors(matrix, options, TestContext.Current.CancellationToken);

        for (var i = 0; i < n; i++)
        {
            var expected = Enumerable.Range(0, n)
                .Where(j => j != i)
                .Select(j => (Item: j, Weight: -p[(i * n) + j] / p[(j * n) + j]))
                .Where(w => w.Weight > 0)
                .OrderByDescending(w => w.Weight)
                .Take(3)
                .ToList();
            Assert.Equal(expected.Select(w => w.Item), neighbors[i].Select(w => w.Item));
            Assert.All(expected.Zip(neighbors[i]), pair => Assert.Equal(pair.First.Weight, pair.Second.Similarity, 5));
        }
    }

    /// <summary>A textbook inverse with partial pivoting, independent of the Cholesky route.</summary>
    private static double[] GaussJordanInverse(double[] a, int n)
    {
        var inverse = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            inverse[(i * n) + i] = 1;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[(r * n) + col]));
            for (var k = 0; k < n; k++)
            {
                (a[(col * n) + k], a[(pivot * n) + k]) = (a[(pivot * n) + k], a[(col * n) + k]);
                (inverse[(col * n) + k], inverse[(pivot * n) + k]) = (inverse[(pivot * n) + k], inverse[(col * n) + k]);
            }

            var scale = a[(col * n) + col];
            for (var k = 0; k < n; k++)
            {
                a[(col * n) + k] /= scale;
                inverse[(col * n) + k] /= scale;
            }

            for (var r = 0; r < n; r++)
            {
                var factor = a[(r * n) + col];
                if (r != col && factor != 0)
                {
                    for (var k = 0; k < n; k++)
                    {
                        a[(r * n) + k] -= factor * a[(col * n) + k];
                        inverse[(r * n) + k] -= factor * inverse[(col * n) + k];
                    }
                }
            }
        }

        return inverse;
    }
}
