using ActorSegments.ML.Recommendations;

namespace ActorSegments.ML.Tests.Recommendations;

public sealed class SymmetricInverseTests
{
    [Fact]
    public void ATwoByTwoMatrix_InvertsToItsHandComputedInverse()
    {
        // [[2, 1], [1, 2]]⁻¹ = [[2, -1], [-1, 2]] / 3.
        double[] matrix = [2, 1, 1, 2];

        var diagonal = SymmetricInverse.InvertInPlace(matrix, 2, TestContext.Current.CancellationToken);

        Assert.Equal(2.0 / 3, diagonal[0], 12);
        Assert.Equal(2.0 / 3, diagonal[1], 12);
        Assert.Equal(-1.0 / 3, matrix[2], 12);
    }

    [Fact]
    public void TheInverseOfALargerMatrixTimesTheMatrix_IsTheIdentity()
    {
        const int N = 23; // not a multiple of the vector width, so the scalar tails run too
        var random = new Random(7);
        var x = Enumerable.Range(0, 40 * N).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0).ToArray();
        var gram = new double[N * N];
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                gram[(i * N) + j] = Enumerable.Range(0, 40).Sum(r => x[(r * N) + i] * x[(r * N) + j]) + (i == j ? 5 : 0);
            }
        }

        var inverse = (double[])gram.Clone();
        var diagonal = SymmetricInverse.InvertInPlace(inverse, N, TestContext.Current.CancellationToken);

        double Inverse(int i, int j) => i == j ? diagonal[i] : inverse[(Math.Max(i, j) * N) + Math.Min(i, j)];
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                var product = Enumerable.Range(0, N).Sum(k => gram[(i * N) + k] * Inverse(k, j));
                Assert.Equal(i == j ? 1 : 0, product, 9);
            }
        }
    }

    [Fact]
    public void AMatrixThatIsNotPositiveDefinite_IsRefused()
    {
        double[] matrix = [1, 2, 2, 1]; // eigenvalues 3 and -1

        Assert.Throws<ArgumentException>(() => SymmetricInverse.InvertInPlace(matrix, 2, TestContext.Current.CancellationToken));
    }
}
