using System.Buffers.Binary;

namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Every customer's score at a propensity model version's full scoring pass, kept as distinct values with counts, so
/// that a customer's percentile can be given later, also for a customer rescored live after the pass. Scores are
/// rounded to 4 decimals, so a distribution holds at most 10,001 values however many customers it counts.
/// </summary>
/// <remarks>
/// A percentile is the share of customers (0-100) scoring strictly below: scipy's
/// <c>percentileofscore(..., kind="strict")</c>. So <c>percentile &gt;= 80</c> never takes more than the top 20%, even
/// when many customers share the score at the cut.
/// </remarks>
public sealed class ScoreDistribution
{
    private const byte FormatVersion = 1;

    // Ascending distinct scores; _below[i] customers score strictly below _values[i]; _below[^1] counts everyone.
    private readonly double[] _values;
    private readonly long[] _below;

    private ScoreDistribution(double[] values, long[] below)
    {
        _values = values;
        _below = below;
    }

    /// <summary>How many customers were scored.</summary>
    public long Customers => _below[^1];

    /// <summary>How many distinct scores there were.</summary>
    public int DistinctScores => _values.Length;

    /// <summary>The distribution of these scores; null when there are none.</summary>
    public static ScoreDistribution? Of(IEnumerable<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var counts = new Dictionary<double, long>();
        foreach (var score in scores)
        {
            if (!double.IsFinite(score))
            {
                throw new ArgumentException($"A score must be a finite number; got {score}.", nameof(scores));
            }

            counts[score] = counts.GetValueOrDefault(score) + 1;
        }

        return counts.Count == 0 ? null : FromCounts(counts.OrderBy(c => c.Key).ToArray());
    }

    /// <summary>The percentage (0-100) of counted customers scoring strictly below <paramref name="score"/>.</summary>
    public double PercentileOf(double score)
    {
        // The first distinct value not below the score: everyone counted before it scores below.
        var index = Array.BinarySearch(_values, score);
        var below = _below[index >= 0 ? index : ~index];
        return 100.0 * below / Customers;
    }

    /// <summary>
    /// The lowest score whose percentile is at least <paramref name="percentile"/>: the cut a rule
    /// <c>percentile(...) &gt;= p</c> applies. Null when no counted score reaches it (ties at the top).
    /// </summary>
    public double? CutAt(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        for (var i = 0; i < _values.Length; i++)
        {
            if (100.0 * _below[i] / Customers >= percentile)
            {
                return _values[i];
            }
        }

        return null;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[1 + 4 + (_values.Length * 16)];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), _values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            var at = 5 + (i * 16);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), _values[i]);
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at + 8), _below[i + 1] - _below[i]);
        }

        return bytes;
    }

    public static ScoreDistribution FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || bytes[0] != FormatVersion)
        {
            throw new FormatException($"Not a score distribution of format {FormatVersion}.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        if (count <= 0 || bytes.Length != 5 + ((long)count * 16))
        {
            throw new FormatException($"A score distribution of {count} values cannot be {bytes.Length} bytes long.");
        }

        var counts = new KeyValuePair<double, long>[count];
        for (var i = 0; i < count; i++)
        {
            var at = 5 + (i * 16);
            counts[i] = new(BinaryPrimitives.ReadDoubleLittleEndian(bytes[at..]), BinaryPrimitives.ReadInt64LittleEndian(bytes[(at + 8)..]));
            if (counts[i].Value <= 0 || (i > 0 && counts[i].Key <= counts[i - 1].Key))
            {
                throw new FormatException("A score distribution's values must ascend, each counted at least once.");
            }
        }

        return FromCounts(counts);
    }

    private static ScoreDistribution FromCounts(KeyValuePair<double, long>[] ascending)
    {
        var values = new double[ascending.Length];
        var below = new long[ascending.Length + 1];
        for (var i = 0; i < ascending.Length; i++)
        {
            values[i] = ascending[i].Key;
            below[i + 1] = below[i] + ascending[i].Value;
        }

        return new ScoreDistribution(values, below);
    }
}
