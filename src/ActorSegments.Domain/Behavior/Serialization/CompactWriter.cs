using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ActorSegments.Domain.Behavior.Serialization;

/// <summary>
/// Writes the compact binary form of customer state: variable-length integers, strings as UTF-8 with a length, and
/// numbers as whole cents when they are exact to the cent (most prices and revenues), else as 8-byte doubles.
/// </summary>
internal sealed class CompactWriter(IBufferWriter<byte> output)
{
    // Created on first use: a journal record never writes names, and is encoded on every commit.
    private Dictionary<string, int>? _table;

    /// <summary>Strings written with <see cref="Name"/>, in first-use order (the string table).</summary>
    public IEnumerable<string> Names => _table?.OrderBy(p => p.Value).Select(p => p.Key) ?? [];

    /// <summary>Cents are stored only while they fit comfortably in a double's exact integer range.</summary>
    private const double MaxCents = 1L << 50;

    public void Byte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    public void VarULong(ulong value)
    {
        var span = output.GetSpan(10);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        output.Advance(length);
    }

    /// <summary>Zig-zag encoded, so small negative numbers stay small.</summary>
    public void VarLong(long value) => VarULong(ZigZag(value));

    public void String(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        VarULong((ulong)bytes);
        var span = output.GetSpan(bytes);
        Encoding.UTF8.GetBytes(value, span);
        output.Advance(bytes);
    }

    /// <summary>
    /// A string that repeats across a state (event types, property names, category values, affinity keys): written as
    /// an index into a table that the state codec writes once, ahead of the body.
    /// </summary>
    public void Name(string value)
    {
        _table ??= new(StringComparer.Ordinal);
        if (!_table.TryGetValue(value, out var index))
        {
            index = _table.Count;
            _table[value] = index;
        }

        VarULong((ulong)index);
    }

    public void Number(double value)
    {
        var cents = Math.Round(value * 100);
        // Only when dividing the whole cents by 100 gives back exactly the same double (and not -0).
        if (Math.Abs(cents) < MaxCents && cents / 100 == value && BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(-0.0))
        {
            VarULong(ZigZag((long)cents) << 1);
            return;
        }

        VarULong(1);
        var span = output.GetSpan(8);
        BinaryPrimitives.WriteDoubleLittleEndian(span, value);
        output.Advance(8);
    }

    /// <summary>A 4-byte float, for decayed weights where relative precision is all that matters.</summary>
    public void Single(double value)
    {
        var span = output.GetSpan(4);
        BinaryPrimitives.WriteSingleLittleEndian(span, (float)value);
        output.Advance(4);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
