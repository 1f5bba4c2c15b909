namespace ActorSegments.ML.Recommendations;

/// <summary>
/// Inverts a symmetric positive definite matrix in place through its Cholesky factor (A = LLᵀ, A⁻¹ = L⁻ᵀL⁻¹), in one
/// row-major n × n array: EASE inverts the catalog's Gram matrix, and a second n² array would double its memory.
/// </summary>
/// <remarks>
/// Every step is dot products of contiguous row stretches, parallel over rows, four rows against one streamed row at
/// a time: the matrix does not fit in cache, so each pass over a row is shared by four results. Where the numbers
/// live: L in the strict lower triangle (its diagonal in a vector); then the rows of L⁻¹ᵀ in the upper triangle with
/// the diagonal, computed while L is still read from below; the strict lower triangle is then cleared, and A⁻¹'s lower
/// triangle with the diagonal is written over it, each block of four rows after it has read what it needs. No step
/// writes where another thread reads.
/// </remarks>
internal static class SymmetricInverse
{
    private const int Block = RowDots.Block;

    /// <summary>
    /// Replaces <paramref name="matrix"/> (its lower triangle is read) by its inverse's lower triangle and diagonal,
    /// and returns the diagonal. Entry (i, j) of the inverse is then <c>matrix[max(i, j) * n + min(i, j)]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not positive definite.</exception>
    public static double[] InvertInPlace(double[] matrix, int n, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNotEqual(matrix.Length, n * n, nameof(matrix));
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var factorDiagonal = CholeskyFactor.InPlace(matrix, n, parallel);
        var blocks = (n + Block - 1) / Block;

        // Row c of L⁻¹ᵀ is column c of L⁻¹: forward substitution of L w = e_c, four columns per pass over L's rows.
        Parallel.For(0, blocks, parallel, () => RowDots.Buffers(n), (block, _, w) =>
        {
            var c0 = block * Block;
            for (var q = 0; q < Block; q++)
            {
                Array.Clear(w[q]);
                w[q][Math.Min(c0 + q, n - 1)] = c0 + q < n ? 1 / factorDiagonal[c0 + q] : 0;
            }

            Span<double> sums = stackalloc double[Block];
            for (var i = c0 + 1; i < n; i++)
            {
                RowDots.Dot4(matrix.AsSpan((i * n) + c0, i - c0), w, c0, sums);
                for (var q = 0; q < Block && c0 + q < i; q++)
                {
                    w[q][i] = -sums[q] / factorDiagonal[i];
                }
            }

            for (var q = 0; q < Block && c0 + q < n; q++)
            {
                var c = c0 + q;
                w[q].AsSpan(c, n - c).CopyTo(matrix.AsSpan((c * n) + c, n - c));
            }

            return w;
        }, _ => { });
        Parallel.For(1, n, parallel, i => Array.Clear(matrix, i * n, i));

        // A⁻¹(a, b) = Σ_k L⁻¹(k, a) L⁻¹(k, b) = the dot of rows a and b of L⁻¹ᵀ (zero below the diagonal).
        Parallel.For(0, blocks, parallel, () => (Own: RowDots.Buffers(n), Result: RowDots.Buffers(n)), (block, _, buffers) =>
        {
            var (own, result) = buffers;
            var a0 = block * Block;
            var rows = Math.Min(Block, n - a0);
            for (var q = 0; q < Block; q++)
            {
                // A copy of the block's own rows, the last repeated to fill a short block; the copy stays as read
                // while the results are written back over the rows' lower parts.
                matrix.AsSpan(Math.Min(a0 + q, n - 1) * n, n).CopyTo(own[q]);
            }

            Span<double> sums = stackalloc double[Block];
            for (var b = 0; b < a0 + rows; b++)
            {
                RowDots.Dot4(matrix.AsSpan((b * n) + a0, n - a0), own, a0, sums);
                for (var q = 0; q < rows; q++)
                {
                    result[q][b] = sums[q];
                }
            }

            for (var q = 0; q < rows; q++)
            {
                result[q].AsSpan(0, a0 + q + 1).CopyTo(matrix.AsSpan((a0 + q) * n, a0 + q + 1));
            }

            return buffers;
        }, _ => { });

        var diagonal = new double[n];
        for (var i = 0; i < n; i++)
        {
            diagonal[i] = matrix[(i * n) + i];
        }

        return diagonal;
    }
}
