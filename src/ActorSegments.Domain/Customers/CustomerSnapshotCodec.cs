using System.Buffers;
using System.Buffers.Binary;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Customers;

/// <summary>
/// The persisted form of <see cref="CustomerSnapshot"/>: a versioned binary layout owned by the domain (the state
/// itself in <see cref="CustomerStateCodec"/>'s layout), so snapshot rows never depend on CLR type names.
/// </summary>
/// <remarks>
/// Format 2 holds the fingerprint of the event id of every journal entry the snapshot includes (4 bytes each, in
/// sequence order). Format 3 adds, after the state, the customer's experiment participations; it is written only for
/// customers in an experiment, so silos of the release before read every other customer's snapshot. Format 1 held 64-bit hashes of only the most recent ids; it is still read, with its ids dropped
/// (<see cref="CustomerSnapshot.EventIds"/> null).
/// </remarks>
public static class CustomerSnapshotCodec
{
    private const byte FormatVersion = 2;
    private const byte ExperimentsFormatVersion = 3;
    private const byte RecentIdsFormatVersion = 1;

    public static byte[] Serialize(CustomerSnapshot snapshot, TimeTiers tiers)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var ids = snapshot.EventIds ?? throw new ArgumentException("A snapshot is written with every event id the customer recorded.", nameof(snapshot));
        if (ids.Count != snapshot.JournalSequence)
        {
            throw new ArgumentException($"A snapshot at sequence {snapshot.JournalSequence} must index that many event ids, not {ids.Count}.", nameof(snapshot));
        }

        var state = CustomerStateCodec.Serialize(snapshot.State, tiers);
        var buffer = new ArrayBufferWriter<byte>(state.Length + 32 + (ids.Count * 4));
        var w = new CompactWriter(buffer);
        var experiments = snapshot.Experiments.IsEmpty ? null : snapshot.Experiments.Serialize();
        w.Byte(experiments is null ? FormatVersion : ExperimentsFormatVersion);
        w.VarLong(snapshot.JournalSequence);
        w.VarLong(snapshot.DefinitionsVersion);
        w.VarULong((ulong)ids.Count);
        var span = buffer.GetSpan(ids.Count * 4);
        var fingerprints = ids.Fingerprints;
        for (var i = 0; i < fingerprints.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(i * 4, 4), fingerprints[i]);
        }

        buffer.Advance(fingerprints.Length * 4);
        w.VarULong((ulong)state.Length);
        buffer.Write(state);
        if (experiments is not null)
        {
            w.VarULong((ulong)experiments.Length);
            buffer.Write(experiments);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Whether the snapshot keeps every event id (format 2; format 1 does not), and the journal sequence it includes,
    /// read without decoding the state (which needs the workspace's time tiers).
    /// </summary>
    public static (bool HasEveryEventId, long JournalSequence) ReadHeader(ReadOnlySpan<byte> bytes)
    {
        var r = new CompactReader(bytes);
        var version = r.Byte();
        if (version is not (FormatVersion or ExperimentsFormatVersion or RecentIdsFormatVersion))
        {
            throw new InvalidDataException($"Customer snapshot has format version {version}; this build reads versions {RecentIdsFormatVersion} to {ExperimentsFormatVersion}.");
        }

        return (version != RecentIdsFormatVersion, r.VarLong());
    }

    public static CustomerSnapshot Deserialize(ReadOnlySpan<byte> bytes, TimeTiers tiers)
    {
        if (bytes.IsEmpty)
        {
            return CustomerSnapshot.Empty();
        }

        var r = new CompactReader(bytes);
        var version = r.Byte();
        if (version is not (FormatVersion or ExperimentsFormatVersion or RecentIdsFormatVersion))
        {
            throw new InvalidDataException($"Customer snapshot has format version {version}; this build reads versions {RecentIdsFormatVersion} to {ExperimentsFormatVersion}.");
        }

        var sequence = r.VarLong();
        var definitions = r.VarLong();
        var ids = version == RecentIdsFormatVersion ? SkipRecentHashes(ref r) : ReadFingerprints(ref r, sequence);
        var stateLength = r.Count(int.MaxValue);
        var state = CustomerStateCodec.Deserialize(r.Bytes(stateLength), tiers);
        var experiments = version == ExperimentsFormatVersion ? CustomerExperiments.Deserialize(r.Bytes(r.Count(int.MaxValue))) : new CustomerExperiments();
        if (!r.AtEnd)
        {
            throw new InvalidDataException("Customer snapshot has trailing bytes.");
        }

        return new CustomerSnapshot(state, ids, sequence, definitions) { Experiments = experiments };
    }

    private static EventIdIndex ReadFingerprints(ref CompactReader r, long sequence)
    {
        var count = r.Count(int.MaxValue / 4);
        if (count != sequence)
        {
            throw new InvalidDataException($"Customer snapshot at sequence {sequence} indexes {count} event ids.");
        }

        var bytes = r.Bytes(count * 4);
        var fingerprints = new uint[count];
        for (var i = 0; i < count; i++)
        {
            fingerprints[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i * 4, 4));
        }

        return EventIdIndex.FromFingerprints(fingerprints);
    }

    /// <summary>Format 1: a capacity, then the 64-bit hashes of the most recent ids, which cannot serve exact deduplication.</summary>
    private static EventIdIndex? SkipRecentHashes(ref CompactReader r)
    {
        var capacity = r.Count(1 << 20);
        var count = r.Count(capacity);
        r.Bytes(count * 8);
        return null;
    }
}
