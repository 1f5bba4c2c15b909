using System.Buffers;
using System.Buffers.Binary;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Customers;

/// <summary>
/// The persisted form of <see cref="CustomerSnapshot"/>: a versioned binary layout owned by the domain (the state
/// itself in <see cref="CustomerStateCodec"/>'s layout), so snapshot rows never depend on CLR type names.
/// </summary>
public static class CustomerSnapshotCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Serialize(CustomerSnapshot snapshot, TimeTiers tiers)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = CustomerStateCodec.Serialize(snapshot.State, tiers);
        var buffer = new ArrayBufferWriter<byte>(state.Length + 64 + (snapshot.RecentIds.Count * 8));
        var w = new CompactWriter(buffer);
        w.Byte(FormatVersion);
        w.VarLong(snapshot.JournalSequence);
        w.VarLong(snapshot.DefinitionsVersion);
        w.VarULong((ulong)snapshot.RecentIds.Capacity);
        w.VarULong((ulong)snapshot.RecentIds.Count);
        foreach (var hash in snapshot.RecentIds.Hashes)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer.GetSpan(8), hash);
            buffer.Advance(8);
        }

        w.VarULong((ulong)state.Length);
        buffer.Write(state);
        return buffer.WrittenSpan.ToArray();
    }

    public static CustomerSnapshot Deserialize(ReadOnlySpan<byte> bytes, TimeTiers tiers)
    {
        if (bytes.IsEmpty)
        {
            return CustomerSnapshot.Empty();
        }

        var r = new CompactReader(bytes);
        var version = r.Byte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Customer snapshot has format version {version}; this build reads version {FormatVersion}.");
        }

        var sequence = r.VarLong();
        var definitions = r.VarLong();
        var capacity = r.Count(1 << 20);
        var ids = new RecentEventIds(Math.Max(1, capacity));
        var idCount = r.Count(capacity);
        var hashes = r.Bytes(idCount * 8);
        for (var i = 0; i < idCount; i++)
        {
            ids.AddHash(BinaryPrimitives.ReadUInt64LittleEndian(hashes.Slice(i * 8, 8)));
        }

        var stateLength = r.Count(int.MaxValue);
        var state = CustomerStateCodec.Deserialize(r.Bytes(stateLength), tiers);
        if (!r.AtEnd)
        {
            throw new InvalidDataException("Customer snapshot has trailing bytes.");
        }

        return new CustomerSnapshot(state, ids, sequence, definitions);
    }
}
