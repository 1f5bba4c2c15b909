using System.Buffers;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Events;

/// <summary>
/// The journal's binary form of one record, versioned and owned by the domain so journal rows never depend on a
/// serializer's defaults. Format 2: version, kind tag, id, occurred-at (UTC ticks), then the kind's own fields.
/// Format 1 bodies (one event shape for every kind, written by earlier releases) are still read, through
/// <see cref="LegacyJournalRecords"/>.
/// </summary>
/// <remarks>
/// Each record is encoded once when its customer commits and decoded at every rebuild, so encoding writes into a
/// buffer kept per thread and allocates only the returned bytes (and a small writer).
/// </remarks>
public static class JournalRecordCodec
{
    private const byte FormatVersion = 2;

    /// <summary>More properties, traits, scores or items than any valid record carries (the edge allows far fewer).</summary>
    internal const int MaxItems = 4096;

    private const byte TraitRemoved = 0;
    // ReasonsPresent came after the rest within format 2: builds before it refuse a model output carrying it (unknown
    // flag), so in a rolling upgrade an old silo cannot activate a customer whose journal has reasons until it is
    // replaced (docs/operations.md, upgrade notes). Outputs without reasons are written as before and read everywhere.
    private const byte CohortAssigned = 1, CohortPresent = 2, RecommendationsPresent = 4, ReasonsPresent = 8;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static byte[] Serialize(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var w = new CompactWriter(buffer);
        w.Byte(FormatVersion);
        w.Byte((byte)record.Kind);
        w.String(record.EventId);
        w.VarLong(record.OccurredAt.UtcTicks);
        switch (record)
        {
            case CustomerEvent evt:
                WriteEvent(w, evt);
                break;
            case TraitUpdate update:
                WriteTraits(w, update);
                break;
            case ModelOutput output:
                WriteOutput(w, output);
                break;
            case ExperimentAssignment assignment:
                w.String(assignment.ExperimentId);
                w.String(assignment.Arm);
                break;
            case AliasLink link:
                w.String(link.PreviousId);
                w.String(link.CustomerId);
                w.VarLong(link.Aliases);
                break;
            default:
                throw new ArgumentException($"Unknown journal record {record.GetType().Name}.", nameof(record));
        }

        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null; // a rare huge record does not pin its buffer to the thread
        }

        return bytes;
    }

    public static JournalRecord Deserialize(ReadOnlySpan<byte> bytes)
    {
        var r = new CompactReader(bytes);
        var version = r.Byte();
        var record = version switch
        {
            FormatVersion => Read(ref r),
            LegacyJournalRecords.FormatVersion => LegacyJournalRecords.Read(ref r),
            _ => throw new InvalidDataException($"Journal record has format version {version}; this build reads versions {LegacyJournalRecords.FormatVersion} and {FormatVersion}."),
        };

        if (!r.AtEnd)
        {
            throw new InvalidDataException("Journal record has trailing bytes.");
        }

        return record;
    }

    private static JournalRecord Read(ref CompactReader r)
    {
        var kind = (JournalRecordKind)r.Byte();
        var id = r.String();
        var occurredAt = new DateTimeOffset(r.VarLong(), TimeSpan.Zero);
        return kind switch
        {
            JournalRecordKind.Behavior => ReadEvent(ref r, id, occurredAt),
            JournalRecordKind.TraitUpdate => ReadTraits(ref r, id, occurredAt),
            JournalRecordKind.ModelOutput => ReadOutput(ref r, id, occurredAt),
            JournalRecordKind.ExperimentAssignment => new ExperimentAssignment(id, occurredAt, r.String(), r.String()),
            JournalRecordKind.AliasLink => new AliasLink(id, occurredAt, r.String(), r.String(), checked((int)r.VarLong())),
            _ => throw new InvalidDataException($"Journal record has unknown kind {(int)kind}."),
        };
    }

    private static void WriteEvent(CompactWriter w, CustomerEvent evt)
    {
        w.String(evt.Type);
        WriteProperties(w, evt.Properties);
    }

    /// <summary>Properties in the layout format 1 used too (the legacy reader shares <see cref="ReadProperties"/>).</summary>
    private static void WriteProperties(CompactWriter w, IReadOnlyDictionary<string, PropertyValue> properties)
    {
        w.VarULong((ulong)properties.Count);
        foreach (var (name, value) in properties)
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
    }

    private static CustomerEvent ReadEvent(ref CompactReader r, string id, DateTimeOffset occurredAt)
    {
        var type = r.String();
        return new CustomerEvent(id, type, occurredAt, ReadProperties(ref r));
    }

    internal static IReadOnlyDictionary<string, PropertyValue> ReadProperties(ref CompactReader r)
    {
        var count = r.Count(MaxItems);
        if (count == 0)
        {
            return CustomerEvent.NoProperties;
        }

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

        return properties;
    }

    private static void WriteTraits(CompactWriter w, TraitUpdate update)
    {
        w.VarULong((ulong)update.Traits.Count);
        foreach (var (name, value) in update.Traits)
        {
            w.String(name);
            if (value is null)
            {
                w.Byte(TraitRemoved);
                continue;
            }

            w.Byte((byte)value.Type);
            switch (value.Type)
            {
                case DataType.String:
                    w.String(value.Text!);
                    break;
                case DataType.Number:
                    w.Number(value.Number);
                    break;
                case DataType.Bool:
                    w.Byte(value.Number != 0 ? (byte)1 : (byte)0);
                    break;
                case DataType.Timestamp:
                    w.VarLong((long)value.Number);
                    break;
                case DataType.StringList:
                    WriteStrings(w, value.List!);
                    break;
                default:
                    throw new ArgumentException($"Trait '{name}' has type {value.Type}, which traits cannot have.", nameof(update));
            }
        }
    }

    private static TraitUpdate ReadTraits(ref CompactReader r, string id, DateTimeOffset occurredAt)
    {
        var count = r.Count(MaxItems);
        var traits = new KeyValuePair<string, TraitValue?>[count];
        for (var i = 0; i < count; i++)
        {
            var name = r.String();
            traits[i] = new(name, r.Byte() switch
            {
                TraitRemoved => null,
                (byte)DataType.String => TraitValue.Of(r.String()),
                (byte)DataType.Number => TraitValue.Of(r.Number()),
                (byte)DataType.Bool => TraitValue.Of(r.Byte() != 0),
                (byte)DataType.Timestamp => TraitValue.OfTimestamp(r.VarLong()),
                (byte)DataType.StringList => TraitValue.Of(ReadStrings(ref r)),
                var type => throw new InvalidDataException($"Journal trait '{name}' has unknown type {type}."),
            });
        }

        return new TraitUpdate(id, occurredAt, traits);
    }

    private static void WriteOutput(CompactWriter w, ModelOutput output)
    {
        var flags = (output.SetsCohort ? CohortAssigned : 0) | (output.Cohort is null ? 0 : CohortPresent) |
            (output.Recommendations is null ? 0 : RecommendationsPresent) | (output.RecommendationReasons is null ? 0 : ReasonsPresent);
        w.Byte((byte)flags);
        if (output.Cohort is { } cohort)
        {
            w.String(cohort);
        }

        w.VarULong((ulong)output.Scores.Count);
        foreach (var (name, score) in output.Scores)
        {
            w.String(name);
            w.Byte(score is null ? (byte)0 : (byte)1);
            if (score is { } value)
            {
                w.Number(value);
            }
        }

        if (output.Recommendations is { } items)
        {
            WriteStrings(w, items);
        }

        if (output.RecommendationReasons is { } reasons)
        {
            WriteStrings(w, reasons);
        }
    }

    private static ModelOutput ReadOutput(ref CompactReader r, string id, DateTimeOffset occurredAt)
    {
        var flags = r.Byte();
        if ((flags & ~(CohortAssigned | CohortPresent | RecommendationsPresent | ReasonsPresent)) != 0 ||
            (flags & (CohortAssigned | CohortPresent)) == CohortPresent || (flags & (RecommendationsPresent | ReasonsPresent)) == ReasonsPresent)
        {
            throw new InvalidDataException($"Journal model output has unknown or inconsistent flags {flags}.");
        }

        var output = new ModelOutput(id, occurredAt);
        if ((flags & CohortAssigned) != 0)
        {
            output = output with { Cohort = (flags & CohortPresent) != 0 ? r.String() : null };
        }

        var count = r.Count(MaxItems);
        var scores = new KeyValuePair<string, double?>[count];
        for (var i = 0; i < count; i++)
        {
            var name = r.String();
            scores[i] = new(name, r.Byte() switch
            {
                0 => null,
                1 => r.Number(),
                var tag => throw new InvalidDataException($"Journal score '{name}' has unknown tag {tag}."),
            });
        }

        output = output with
        {
            Scores = scores,
            Recommendations = (flags & RecommendationsPresent) != 0 ? ReadStrings(ref r) : null,
        };
        if ((flags & ReasonsPresent) == 0)
        {
            return output;
        }

        var reasons = ReadStrings(ref r);
        return reasons.Length == output.Recommendations!.Count
            ? output with { RecommendationReasons = reasons }
            : throw new InvalidDataException($"Journal model output has {reasons.Length} recommendation reasons for {output.Recommendations.Count} items.");
    }

    private static void WriteStrings(CompactWriter w, IReadOnlyList<string> items)
    {
        w.VarULong((ulong)items.Count);
        foreach (var item in items)
        {
            w.String(item);
        }
    }

    private static string[] ReadStrings(ref CompactReader r)
    {
        var items = new string[r.Count(MaxItems)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = r.String();
        }

        return items;
    }
}
