using System.Buffers;
using ActorSegments.Domain.Behavior.Serialization;

namespace ActorSegments.Domain.Events;

/// <summary>
/// The journal's binary form of one event: id, type, occurred-at (UTC ticks) and properties, versioned and owned by
/// the domain so journal rows never depend on a serializer's defaults.
/// </summary>
public static class CustomerEventCodec
{
    private const byte FormatVersion = 1;

    /// <summary>More properties than any valid event carries (the edge allows far fewer).</summary>
    private const int MaxProperties = 4096;

    public static byte[] Serialize(CustomerEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var buffer = new ArrayBufferWriter<byte>(64);
        var w = new CompactWriter(buffer);
        w.Byte(FormatVersion);
        w.String(evt.EventId);
        w.String(evt.Type);
        w.VarLong(evt.OccurredAt.UtcTicks);
        w.VarULong((ulong)evt.Properties.Count);
        foreach (var (name, value) in evt.Properties)
        {
            w.String(name);
            w.Byte((byte)value.Kind);
            switch (value.Kind)
            {
                case PropertyKind.String:
                    w.String(value.Text!);
                    break;
                case PropertyKind.Number:
                    w.Number(value.Number);
                    break;
                default:
                    w.Byte(value.IsTrue ? (byte)1 : (byte)0);
                    break;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static CustomerEvent Deserialize(ReadOnlySpan<byte> bytes)
    {
        var r = new CompactReader(bytes);
        var version = r.Byte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Journal event has format version {version}; this build reads version {FormatVersion}.");
        }

        var id = r.String();
        var type = r.String();
        var occurredAt = new DateTimeOffset(r.VarLong(), TimeSpan.Zero);
        var count = r.Count(MaxProperties);
        var properties = new Dictionary<string, PropertyValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = r.String();
            properties[name] = (PropertyKind)r.Byte() switch
            {
                PropertyKind.String => PropertyValue.Of(r.String()),
                PropertyKind.Number => PropertyValue.Of(r.Number()),
                PropertyKind.Bool => PropertyValue.Of(r.Byte() != 0),
                var kind => throw new InvalidDataException($"Journal event property '{name}' has unknown kind {(int)kind}."),
            };
        }

        if (!r.AtEnd)
        {
            throw new InvalidDataException("Journal event has trailing bytes.");
        }

        return new CustomerEvent(id, type, occurredAt, properties);
    }
}
