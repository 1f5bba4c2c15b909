using System.Numerics;

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
    private const int Block = 4;

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
        var factorDiagonal = Factor(matrix, n, parallel);
        var blocks = (n + Block - 1) / Block;

        // Row c of L⁻¹ᵀ is column c of L⁻¹: forward substitution of L w = e_c, four columns per pass over L's rows.
        Parallel.For(0, blocks, parallel, () => Buffers(n), (block, _, w) =>
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
                Dot4(matrix.AsSpan((i * n) + c0, i - c0), w, c0, sums);
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
        Parallel.For(0, blocks, parallel, () => (Own: Buffers(n), Result: Buffers(n)), (block, _, buffers) =>
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
                Dot4(matrix.AsSpan((b * n) + a0, n - a0), own, a0, sums);
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

    private static double[][] Buffers(int n) => [.. Enumerable.Range(0, Block).Select(_ => new double[n])];

    /// <summary>
    /// L in the strict lower triangle, its diagonal returned: four columns at a time, the block's own rows first, then
    /// every row below against the four (one pass over each row for four entries).
    /// </summary>
    private static double[] Factor(double[] matrix, int n, ParallelOptions parallel)
    {
        var factorDiagonal = new double[n];
        var pivots = Buffers(n);
        for (var j0 = 0; j0 < n; j0 += Block)
        {
            var columns = Math.Min(Block, n - j0);
            for (var j = j0; j < j0 + columns; j++)
            {
                var row = matrix.AsSpan(j * n, j);
                var pivot = matrix[(j * n) + j] - Dot(row, row);
                if (!(pivot > 0))
                {
                    throw new ArgumentException($"The matrix is not positive definite (pivot {pivot} at row {j}).", nameof(matrix));
                }

                factorDiagonal[j] = Math.Sqrt(pivot);
                for (var i = j + 1; i < j0 + columns; i++)
                {
                    matrix[(i * n) + j] = (matrix[(i * n) + j] - Dot(matrix.AsSpan(i * n, j), row)) / factorDiagonal[j];
                }
            }

            for (var q = 0; q < Block; q++)
            {
                matrix.AsSpan(Math.Min(j0 + q, n - 1) * n, j0 + columns).CopyTo(pivots[q]);
            }

            var first = j0;
            Parallel.For(j0 + columns, n, parallel, i =>
            {
                Span<double> sums = stackalloc double[Block];
                Dot4(matrix.AsSpan(i * n, first), pivots, 0, sums);
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

    /// <summary>The dots of <paramref name="shared"/> with each of four rows, read from <paramref name="offset"/> on.</summary>
    private static void Dot4(ReadOnlySpan<double> shared, double[][] rows, int offset, Span<double> sums)
    {
        var r0 = rows[0].AsSpan(offset);
        var r1 = rows[1].AsSpan(offset);
        var r2 = rows[2].AsSpan(offset);
        var r3 = rows[3].AsSpan(offset);
        var (s0, s1, s2, s3) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
        var width = Vector<double>.Count;
        var i = 0;
        for (; i <= shared.Length - width; i += width)
        {
            var x = new Vector<double>(shared[i..]);
            s0 += x * new Vector<double>(r0[i..]);
            s1 += x * new Vector<double>(r1[i..]);
            s2 += x * new Vector<double>(r2[i..]);
            s3 += x * new Vector<double>(r3[i..]);
        }

        var (t0, t1, t2, t3) = (Vector.Sum(s0), Vector.Sum(s1), Vector.Sum(s2), Vector.Sum(s3));
        for (; i < shared.Length; i++)
        {
            (t0, t1, t2, t3) = (t0 + (shared[i] * r0[i]), t1 + (shared[i] * r1[i]), t2 + (shared[i] * r2[i]), t3 + (shared[i] * r3[i]));
        }

        (sums[0], sums[1], sums[2], sums[3]) = (t0, t1, t2, t3);
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            sum += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < x.Length; i++)
        {
            total += x[i] * y[i];
        }

        return total;
    }
}
