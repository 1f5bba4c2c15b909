using System.Numerics;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// Inverts a symmetric positive definite matrix in place through its Cholesky factor (A = LLᵀ, A⁻¹ = L⁻ᵀL⁻¹), in one
/// row-major n × n array and three n-vectors: EASE inverts the catalog's Gram matrix, and a second n² array would
/// double what it costs in memory.
/// </summary>
/// <remarks>
/// Every step is a dot product of two contiguous row stretches, parallel over rows. Where each step's numbers live:
/// L in the strict lower triangle (its diagonal apart); then the rows of L⁻¹ᵀ in the upper triangle with the diagonal,
/// computed while L is still read from below; then A⁻¹ in the strict lower triangle (its diagonal apart), computed
/// while L⁻¹ᵀ is still read from above. No step writes where another thread reads.
/// </remarks>
internal static class SymmetricInverse
{
    /// <summary>
    /// Replaces <paramref name="matrix"/> (both triangles filled) by its inverse's strict lower triangle, and returns
    /// the inverse's diagonal. Entry (i, j) of the inverse, i ≠ j, is then <c>matrix[max(i, j) * n + min(i, j)]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not positive definite.</exception>
    public static double[] InvertInPlace(double[] matrix, int n, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNotEqual(matrix.Length, n * n, nameof(matrix));
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var factorDiagonal = new double[n];
        for (var j = 0; j < n; j++)
        {
            var pivot = matrix[(j * n) + j] - Dot(matrix, j * n, j * n, j);
            if (!(pivot > 0))
            {
                throw new ArgumentException($"The matrix is not positive definite (pivot {pivot} at row {j}).", nameof(matrix));
            }

            var diagonal = factorDiagonal[j] = Math.Sqrt(pivot);
            var column = j;
            Parallel.For(j + 1, n, parallel, i => matrix[(i * n) + column] = (matrix[(i * n) + column] - Dot(matrix, i * n, column * n, column)) / diagonal);
        }

        // Row c of L⁻¹ᵀ is column c of L⁻¹: forward substitution of L w = e_c, w[c..n) kept in matrix[c, c..n).
        Parallel.For(0, n, parallel, c =>
        {
            matrix[(c * n) + c] = 1 / factorDiagonal[c];
            for (var i = c + 1; i < n; i++)
            {
                matrix[(c * n) + i] = -Dot(matrix, (i * n) + c, (c * n) + c, i - c) / factorDiagonal[i];
            }
        });

        // A⁻¹(a, b) = Σ_k L⁻¹(k, a) L⁻¹(k, b), over k ≥ max(a, b) where both are non-zero.
        var inverseDiagonal = new double[n];
        Parallel.For(0, n, parallel, a =>
        {
            for (var b = 0; b < a; b++)
            {
                matrix[(a * n) + b] = Dot(matrix, (a * n) + a, (b * n) + a, n - a);
            }

            inverseDiagonal[a] = Dot(matrix, (a * n) + a, (a * n) + a, n - a);
        });
        return inverseDiagonal;
    }

    private static double Dot(double[] values, int first, int second, int length)
    {
        var x = values.AsSpan(first, length);
        var y = values.AsSpan(second, length);
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= length - Vector<double>.Count; i += Vector<double>.Count)
        {
            sum += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < length; i++)
        {
            total += x[i] * y[i];
        }

        return total;
    }
}
