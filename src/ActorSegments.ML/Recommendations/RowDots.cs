using System.Numerics;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// Dot products of contiguous row stretches, vectorized; <see cref="Dot4"/> reads one row once for four results, which
/// is what keeps the dense inverse from waiting on memory.
/// </summary>
internal static class RowDots
{
    /// <summary>How many rows <see cref="Dot4"/> takes at once.</summary>
    public const int Block = 4;

    /// <summary>Scratch for one block: <see cref="Block"/> rows of <paramref name="length"/> doubles.</summary>
    public static double[][] Buffers(int length) => [.. Enumerable.Range(0, Block).Select(_ => new double[length])];

    /// <summary>The dots of <paramref name="shared"/> with each of four rows, read from <paramref name="offset"/> on.</summary>
    public static void Dot4(ReadOnlySpan<double> shared, double[][] rows, int offset, Span<double> sums)
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

    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
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
