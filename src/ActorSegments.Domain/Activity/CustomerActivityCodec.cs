using System.Text;

namespace ActorSegments.Domain.Activity;

/// <summary>
/// The persisted form of <see cref="CustomerActivity"/>: a small versioned binary layout owned by the domain, so
/// snapshots do not depend on CLR type names or on any serializer's defaults.
/// </summary>
public static class CustomerActivityCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Serialize(CustomerActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write7BitEncodedInt(activity.EventTypes.Count);
            foreach (var (type, stats) in activity.EventTypes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(type);
                writer.Write7BitEncodedInt64(stats.Count);
                writer.Write(stats.FirstSeen.UtcTicks);
                writer.Write(stats.LastSeen.UtcTicks);
            }

            writer.Write7BitEncodedInt(activity.RecentIds.Count);
            foreach (var hash in activity.RecentIds.Hashes)
            {
                writer.Write(hash);
            }
        }

        return buffer.ToArray();
    }

    public static CustomerActivity Deserialize(ReadOnlySpan<byte> bytes, int recentIdCapacity = RecentEventIds.DefaultCapacity)
    {
        if (bytes.IsEmpty)
        {
            return new CustomerActivity(recentIdCapacity);
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Customer activity snapshot has format version {version}; this build reads version {FormatVersion}.");
        }

        var typeCount = reader.ReadInt32Checked7Bit();
        var byType = new Dictionary<string, EventTypeStats>(typeCount, StringComparer.Ordinal);
        for (var i = 0; i < typeCount; i++)
        {
            var type = reader.ReadString();
            var count = reader.Read7BitEncodedInt64();
            var first = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var last = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            byType[type] = new EventTypeStats(count, first, last);
        }

        var recent = new RecentEventIds(recentIdCapacity);
        var idCount = reader.ReadInt32Checked7Bit();
        for (var i = 0; i < idCount; i++)
        {
            recent.AddHash(reader.ReadUInt64());
        }

        return new CustomerActivity(byType, recent);
    }

    private static int ReadInt32Checked7Bit(this BinaryReader reader)
    {
        var value = reader.Read7BitEncodedInt();
        return value >= 0 ? value : throw new InvalidDataException("Customer activity snapshot has a negative length.");
    }
}
