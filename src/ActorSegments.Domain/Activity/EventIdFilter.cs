using System.IO.Hashing;
using System.Text;

namespace ActorSegments.Domain.Activity;

/// <summary>
/// Every event id one customer has ever recorded, as 32-bit fingerprints: the first half of exact deduplication.
/// "Not contained" is certain (an id recorded is always found, however many events came since), so a new event, the
/// common case, is recognized as new with no I/O. "Maybe contained" is only a candidate: the customer confirms it
/// against the ids its journal stores, so a fingerprint shared by two ids can never turn a new event into a duplicate.
/// </summary>
/// <remarks>
/// An open-addressing table of fingerprints (0 marks an empty slot), at most three quarters full: a lookup is one
/// hash of the id and a few adjacent slots. It costs about 4 to 8 bytes per recorded id, and a new id is a false
/// candidate with probability (ids recorded) / 2^32: one in 43,000 for a customer with 100,000 events.
/// </remarks>
public sealed class EventIdFilter
{
    private const int InitialSlots = 8;

    private uint[] _slots = [];
    private int _count;

    /// <summary>How many distinct fingerprints are held (ids sharing a fingerprint count once).</summary>
    public int Count => _count;

    /// <summary>The held fingerprints, in no particular order.</summary>
    public IEnumerable<uint> Fingerprints
    {
        get
        {
            foreach (var slot in _slots)
            {
                if (slot != 0)
                {
                    yield return slot;
                }
            }
        }
    }

    /// <summary>False when <paramref name="eventId"/> was certainly never added; true when it may have been.</summary>
    public bool MayContain(string eventId) => Find(Fingerprint(eventId)) >= 0;

    /// <summary>Records an id.</summary>
    public void Add(string eventId) => AddFingerprint(Fingerprint(eventId));

    internal void AddFingerprint(uint fingerprint)
    {
        if (fingerprint == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fingerprint), "0 marks an empty slot and is never a fingerprint.");
        }

        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        var mask = _slots.Length - 1;
        for (var i = (int)(fingerprint & mask); ; i = (i + 1) & mask)
        {
            if (_slots[i] == fingerprint)
            {
                return;
            }

            if (_slots[i] == 0)
            {
                _slots[i] = fingerprint;
                _count++;
                return;
            }
        }
    }

    /// <summary>Makes room for <paramref name="count"/> fingerprints at once (a snapshot being read).</summary>
    internal void EnsureCapacity(int count)
    {
        while (count * 4L > _slots.Length * 3L)
        {
            Grow();
        }
    }

    private int Find(uint fingerprint)
    {
        if (_count == 0)
        {
            return -1;
        }

        var mask = _slots.Length - 1;
        for (var i = (int)(fingerprint & mask); ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == fingerprint)
            {
                return i;
            }

            if (slot == 0)
            {
                return -1; // the table is never full, so every probe ends at an empty slot
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new uint[Math.Max(InitialSlots, old.Length * 2)];
        _count = 0;
        foreach (var fingerprint in old)
        {
            if (fingerprint != 0)
            {
                AddFingerprint(fingerprint);
            }
        }
    }

    /// <summary>
    /// The low 32 bits of the XxHash3 of the UTF-8 bytes, never 0: stable across processes, platforms and restarts
    /// (fingerprints are persisted in snapshots).
    /// </summary>
    public static uint Fingerprint(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(eventId.Length);
        Span<byte> buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var written = Encoding.UTF8.GetBytes(eventId, buffer);
        var fingerprint = (uint)XxHash3.HashToUInt64(buffer[..written]);
        return fingerprint == 0 ? 1 : fingerprint;
    }
}
