using System.Buffers.Binary;
using System.Text;

namespace ActorSegments.Domain.Behavior.Serialization;

/// <summary>Reads what <see cref="CompactWriter"/> wrote; any malformed input raises <see cref="InvalidDataException"/>.</summary>
internal ref struct CompactReader(ReadOnlySpan<byte> input)
{
    private readonly ReadOnlySpan<byte> _input = input;
    private int _position;
    private string[] _names = [];

    public readonly bool AtEnd => _position == _input.Length;

    public byte Byte() => _position < _input.Length ? _input[_position++] : throw Truncated();

    public ulong VarULong()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Customer state has a malformed variable-length integer.");
    }

    public long VarLong() => UnZigZag(VarULong());

    public int Count(int max)
    {
        var value = VarULong();
        return value <= (ulong)max ? (int)value : throw new InvalidDataException($"Customer state has a count of {value}, above the limit {max}.");
    }

    public string String()
    {
        var length = Count(1 << 20);
        if (_position + length > _input.Length)
        {
            throw Truncated();
        }

        var value = Encoding.UTF8.GetString(_input.Slice(_position, length));
        _position += length;
        return value;
    }

    /// <summary>Reads the string table written ahead of the body.</summary>
    public void ReadNames()
    {
        _names = new string[Count(1 << 16)];
        for (var i = 0; i < _names.Length; i++)
        {
            _names[i] = SharedStrings.Intern(String());
        }
    }

    public string Name()
    {
        var index = VarULong();
        return index < (ulong)_names.Length ? _names[index] : throw new InvalidDataException($"Customer state refers to string {index} of a table of {_names.Length}.");
    }

    public double Number()
    {
        var tag = VarULong();
        if ((tag & 1) == 0)
        {
            return UnZigZag(tag >> 1) / 100.0;
        }

        if (_position + 8 > _input.Length)
        {
            throw Truncated();
        }

        var value = BinaryPrimitives.ReadDoubleLittleEndian(_input.Slice(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>The next <paramref name="length"/> raw bytes.</summary>
    public ReadOnlySpan<byte> Bytes(int length)
    {
        if (length < 0 || length > _input.Length - _position)
        {
            throw Truncated();
        }

        var slice = _input.Slice(_position, length);
        _position += length;
        return slice;
    }

    public double Single()
    {
        if (_position + 4 > _input.Length)
        {
            throw Truncated();
        }

        var value = BinaryPrimitives.ReadSingleLittleEndian(_input.Slice(_position, 4));
        _position += 4;
        return value;
    }

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static InvalidDataException Truncated() => new("Customer state ends unexpectedly.");
}
