namespace ActorSegments.ML.Recommendations;

/// <summary>The Cholesky factor L of a symmetric positive definite matrix (A = LLᵀ), written over the matrix in place.</summary>
internal static class CholeskyFactor
{
    /// <summary>
    /// L in the strict lower triangle, its diagonal returned: four columns at a time, the block's own rows first, then
    /// every row below against the four (one pass over each row for four entries).
    /// </summary>
    public static double[] InPlace(double[] matrix, int n, ParallelOptions parallel)
    {
        var factorDiagonal = new double[n];
        var pivots = RowDots.Buffers(n);
        for (var j0 = 0; j0 < n; j0 += RowDots.Block)
        {
            var columns = Math.Min(RowDots.Block, n - j0);
            for (var j = j0; j < j0 + columns; j++)
            {
                var row = matrix.AsSpan(j * n, j);
                var pivot = matrix[(j * n) + j] - RowDots.Dot(row, row);
                if (!(pivot > 0))
                {
                    throw new ArgumentException($"The matrix is not positive definite (pivot {pivot} at row {j}).", nameof(matrix));
                }

                factorDiagonal[j] = Math.Sqrt(pivot);
                for (var i = j + 1; i < j0 + columns; i++)
                {
                    matrix[(i * n) + j] = (matrix[(i * n) + j] - RowDots.Dot(matrix.AsSpan(i * n, j), row)) / factorDiagonal[j];
                }
            }

            for (var q = 0; q < RowDots.Block; q++)
            {
                matrix.AsSpan(Math.Min(j0 + q, n - 1) * n, j0 + columns).CopyTo(pivots[q]);
            }

            var first = j0;
            Parallel.For(j0 + columns, n, parallel, i =>
            {
                Span<double> sums = stackalloc double[RowDots.Block];
                RowDots.Dot4(matrix.AsSpan(i * n, first), pivots, 0, sums);
                for (var q = 0; q < columns; q++)
                {
                    var value = matrix[(i * n) + first + q] - sums[q];
                    for (var r = 0; r < q; r++)
                    {
                        value -= matrix[(i * n) + first + r] * pivots[q][first + r];
                    }

                    matrix[(i * n) + first + q] = value / factorDiagonal[first + q];
                }
            });
        }

        return factorDiagonal;
    }
}
