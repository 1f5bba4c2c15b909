using System.Buffers.Binary;

namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// How an uplift model is stored: its two outcome models' payloads in one, each preceded by its length, after a tag and
/// a format version, so a payload of another kind is refused rather than misread.
/// </summary>
public static class UpliftPayload
{
    private static ReadOnlySpan<byte> Tag => "UPL"u8;

    private const byte FormatVersion = 1;

    public static byte[] Pack(byte[] treated, byte[] control)
    {
        ArgumentNullException.ThrowIfNull(treated);
        ArgumentNullException.ThrowIfNull(control);
        var packed = new byte[Tag.Length + 1 + 4 + treated.Length + 4 + control.Length];
        var span = packed.AsSpan();
        Tag.CopyTo(span);
        span[Tag.Length] = FormatVersion;
        var at = Tag.Length + 1;
        foreach (var part in new[] { treated, control })
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], part.Length);
            part.CopyTo(span[(at + 4)..]);
            at += 4 + part.Length;
        }

        return packed;
    }

    /// <exception cref="InvalidDataException">Not an uplift payload of this format.</exception>
    public static (byte[] Treated, byte[] Control) Unpack(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var span = payload.AsSpan();
        if (span.Length < Tag.Length + 1 || !span[..Tag.Length].SequenceEqual(Tag) || span[Tag.Length] != FormatVersion)
        {
            throw new InvalidDataException("The payload is not an uplift model of a known format.");
        }

        var at = Tag.Length + 1;
        var treated = Part(span, ref at);
        var control = Part(span, ref at);
        return at == span.Length ? (treated, control) : throw new InvalidDataException("The uplift payload has trailing bytes.");
    }

    private static byte[] Part(ReadOnlySpan<byte> span, ref int at)
    {
        if (span.Length - at < 4)
        {
            throw new InvalidDataException("The uplift payload is truncated.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        if (length < 0 || span.Length - at - 4 < length)
        {
            throw new InvalidDataException("The uplift payload is truncated.");
        }

        var part = span.Slice(at + 4, length).ToArray();
        at += 4 + length;
        return part;
    }
}
