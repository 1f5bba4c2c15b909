using System.IO.Hashing;
using System.Text;

namespace ActorSegments.Domain.Activity;

/// <summary>
/// A bounded memory of the most recent event ids one customer has seen, so that a client retry is applied once.
/// Ids are kept as 64-bit hashes (8 bytes each, whatever the id length); at the default capacity the chance that two
/// distinct ids of one customer collide is about 2^-46.
/// </summary>
public sealed class RecentEventIds
{
    public const int DefaultCapacity = 512;

    private readonly Queue<ulong> _order;
    private readonly HashSet<ulong> _members;

    public RecentEventIds(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _order = new Queue<ulong>();
        _members = [];
    }

    public int Capacity { get; }

    public int Count => _order.Count;

    /// <summary>The remembered hashes, oldest first (the order they are evicted in).</summary>
    public IEnumerable<ulong> Hashes => _order;

    public bool Contains(string eventId) => _members.Contains(Hash(eventId));

    /// <summary>Remembers an id; returns false when it was already remembered.</summary>
    public bool Add(string eventId) => AddHash(Hash(eventId));

    internal bool AddHash(ulong hash)
    {
        if (!_members.Add(hash))
        {
            return false;
        }

        _order.Enqueue(hash);
        if (_order.Count > Capacity)
        {
            _members.Remove(_order.Dequeue());
        }

        return true;
    }

    /// <summary>XxHash3 of the UTF-8 bytes: stable across processes, platforms and restarts (it is persisted).</summary>
    public static ulong Hash(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(eventId.Length);
        Span<byte> buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var written = Encoding.UTF8.GetBytes(eventId, buffer);
        return XxHash3.HashToUInt64(buffer[..written]);
    }
}
