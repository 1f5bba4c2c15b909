using System.IO.Hashing;
using System.Text;

namespace ActorSegments.Domain.Activity;

/// <summary>
/// A bounded memory of the most recent event ids one customer has seen, so that a client retry is applied once.
/// Ids are kept as 64-bit hashes (8 bytes each, whatever the id length); at the default capacity the chance that two
/// distinct ids of one customer collide is about 2^-46.
/// </summary>
/// <remarks>
/// The hashes live in one ring of at most <see cref="Capacity"/> entries, grown as needed, and are searched linearly
/// (vectorized): 512 hashes take a few dozen nanoseconds to scan, and a hash set would cost three times the memory
/// of every active customer.
/// </remarks>
public sealed class RecentEventIds
{
    public const int DefaultCapacity = 512;

    private ulong[] _ring = [];
    private int _count;
    private int _next; // where the next hash goes once the ring is full (the oldest entry)

    public RecentEventIds(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _count;

    /// <summary>The remembered hashes, oldest first (the order they are evicted in).</summary>
    public IEnumerable<ulong> Hashes
    {
        get
        {
            var start = _count < Capacity ? 0 : _next;
            for (var i = 0; i < _count; i++)
            {
                yield return _ring[(start + i) % _count];
            }
        }
    }

    public bool Contains(string eventId) => ContainsHash(Hash(eventId));

    /// <summary>Remembers an id; returns false when it was already remembered.</summary>
    public bool Add(string eventId) => AddHash(Hash(eventId));

    internal bool AddHash(ulong hash)
    {
        if (ContainsHash(hash))
        {
            return false;
        }

        if (_count < Capacity)
        {
            if (_count == _ring.Length)
            {
                Array.Resize(ref _ring, Math.Min(Capacity, Math.Max(8, _ring.Length * 2)));
            }

            _ring[_count++] = hash;
            return true;
        }

        _ring[_next] = hash;
        _next = (_next + 1) % Capacity;
        return true;
    }

    private bool ContainsHash(ulong hash) => _ring.AsSpan(0, _count).Contains(hash);

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
