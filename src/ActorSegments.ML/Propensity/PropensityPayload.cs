using System.Buffers.Binary;

namespace ActorSegments.ML.Propensity;

/// <summary>
/// A stored propensity model: the calibration points, then the ML.NET model (a zip). A payload saved before models were
/// calibrated is the zip alone, which starts with the zip signature and is read as a model without a calibrator.
/// </summary>
internal static class PropensityPayload
{
    // Not "PK": a zip cannot start with it.
    private static ReadOnlySpan<byte> Magic => "ASCAL1"u8;
    private const int MaxPoints = 1 << 20;

    public static byte[] Write(IsotonicCalibrator calibrator, byte[] model)
    {
        var points = calibrator.Points;
        var output = new byte[Magic.Length + 4 + (points.Count * 8) + model.Length];
        var span = output.AsSpan();
        Magic.CopyTo(span);
        span = span[Magic.Length..];
        BinaryPrimitives.WriteInt32LittleEndian(span, points.Count);
        span = span[4..];
        foreach (var (score, rate) in points)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span, score);
            BinaryPrimitives.WriteSingleLittleEndian(span[4..], rate);
            span = span[8..];
        }

        model.CopyTo(span);
        return output;
    }

    /// <summary>The calibrator (null in a payload without one) and the bytes of the ML.NET model.</summary>
    public static (IsotonicCalibrator? Calibrator, ReadOnlyMemory<byte> Model) Read(byte[] payload)
    {
        if (!payload.AsSpan().StartsWith(Magic))
        {
            return (null, payload);
        }

        var span = payload.AsSpan(Magic.Length);
        var count = span.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(span) : -1;
        if (count is <= 0 or > MaxPoints || span.Length < 4 + (count * 8))
        {
            throw new InvalidDataException("The propensity payload's calibration points are malformed.");
        }

        var points = new (float, float)[count];
        for (var i = 0; i < count; i++)
        {
            var at = span[(4 + (i * 8))..];
            points[i] = (BinaryPrimitives.ReadSingleLittleEndian(at), BinaryPrimitives.ReadSingleLittleEndian(at[4..]));
        }

        var start = Magic.Length + 4 + (count * 8);
        return (new IsotonicCalibrator(points), payload.AsMemory(start));
    }
}
