using System.Buffers;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Tests.Events;

/// <summary>
/// The journal encoder of the release before typed records (format 1), kept verbatim as that release's
/// <c>CustomerEventCodec.Serialize</c>, <c>TraitUpdates.Create</c> and <c>ModelOutputs.Create</c>: trait updates and
/// model outputs were events of the reserved types <c>$identify</c> and <c>$model</c>, their values encoded with
/// control characters. Bodies it writes are what the journal of an upgraded deployment holds.
/// </summary>
internal static class ReleaseJournalEncoder
{
    public static byte[] Serialize(CustomerEvent evt)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var w = new CompactWriter(buffer);
        w.Byte(1);
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

    public static CustomerEvent Identify(string eventId, DateTimeOffset at, IEnumerable<KeyValuePair<string, TraitValue?>> traits)
    {
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (name, value) in traits)
        {
            properties[name] = value switch
            {
                null => PropertyValue.Of("\u0000"),
                { Type: DataType.Number } => PropertyValue.Of(value.Number),
                { Type: DataType.Bool } => PropertyValue.Of(value.Number != 0),
                { Type: DataType.StringList } => PropertyValue.Of('\u001e' + string.Join('\u001f', value.List!)),
                _ => PropertyValue.Of(value.ToString()),
            };
        }

        return new CustomerEvent(eventId, "$identify", at, properties);
    }

    public static CustomerEvent Model(
        string eventId,
        DateTimeOffset at,
        string? cohort = null,
        IEnumerable<KeyValuePair<string, double?>>? scores = null,
        IReadOnlyList<string>? recommendations = null)
    {
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        if (cohort is not null)
        {
            properties["cohort"] = PropertyValue.Of(cohort);
        }

        foreach (var (name, value) in scores ?? [])
        {
            properties["score." + name] = value is { } number ? PropertyValue.Of(number) : PropertyValue.Of(string.Empty);
        }

        if (recommendations is not null)
        {
            properties["recommendations"] = PropertyValue.Of(string.Join('\u001f', recommendations));
        }

        return new CustomerEvent(eventId, "$model", at, properties);
    }
}
