using System.IO.Hashing;
using System.Text;

namespace ActorSegments.Domain.Activity;

/// <summary>
/// Where in its journal a customer may have recorded an event id: a 32-bit fingerprint of the id of every journal
/// entry, in sequence order, with a hash index over them. The first half of exact deduplication. An id with no
/// matching entry was certainly never recorded, however many events came since, so a new event, the common case, is
/// known to be new with no I/O; the entries whose fingerprint matches are only candidates, which the customer reads
/// back (by sequence, through the journal's key) to compare the stored ids exactly, so a fingerprint shared by two
/// ids can never turn a new event into a duplicate.
/// </summary>
/// <remarks>
/// Journal sequences are dense from 1 (every entry has an id), so entry <c>n</c>'s fingerprint is element
/// <c>n - 1</c> of one array: 4 bytes per entry, which is also the snapshot layout. Up to <see cref="ScanLimit"/>
/// entries (most customers) that array is all there is, searched linearly, vectorized: 512 fingerprints are 2 KB, a
/// few dozen nanoseconds. Past it a hash index is added, an open-addressing table of sequences (0 marks an empty
/// slot) between half and three quarters full and probed from the fingerprint (12 to 16 bytes per entry in all), so
/// a lookup stays one hash and a few slot reads however long the history. A new id matches some entry with
/// probability (entries) / 2^32: one in 43,000 for a customer with 100,000 events.
/// </remarks>
public sealed class EventIdIndex
{
    /// <summary>Above this many entries the fingerprints get a hash index instead of being scanned.</summary>
    public const int ScanLimit = 512;

    private uint[] _fingerprints = [];
    private int[]? _slots; // null while the fingerprints are scanned
    private int _count;

    /// <summary>How many journal entries are indexed: the sequence of the last one.</summary>
    public int Count => _count;

    /// <summary>The fingerprint of each entry, entry 1 first.</summary>
    public ReadOnlySpan<uint> Fingerprints => _fingerprints.AsSpan(0, _count);

    /// <summary>False when no entry can hold <paramref name="eventId"/>; true when one may.</summary>
    public bool MayContain(string eventId)
    {
        var fingerprint = Fingerprint(eventId);
        if (_slots is null)
        {
            return Fingerprints.Contains(fingerprint);
        }

        var mask = _slots.Length - 1;
        for (var i = (int)(fingerprint & mask); _slots[i] != 0; i = (i + 1) & mask)
        {
            if (_fingerprints[_slots[i] - 1] == fingerprint)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sequences of the entries whose id has the fingerprint of <paramref name="eventId"/>.</summary>
    public IEnumerable<long> Candidates(string eventId) => Matches(Fingerprint(eventId));

    /// <summary>Indexes the id of the next journal entry, whose sequence must be <see cref="Count"/> + 1.</summary>
    public void Add(string eventId, long sequence) => Add(Fingerprint(eventId), sequence);

    internal void Add(uint fingerprint, long sequence)
    {
        if (sequence != _count + 1L)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"Entries are indexed in order: the next one is {_count + 1}.");
        }

        if (_count == int.MaxValue - 1)
        {
            throw new InvalidOperationException("A customer's journal holds at most 2,147,483,646 entries.");
        }

        if (_count == _fingerprints.Length)
        {
            Array.Resize(ref _fingerprints, Math.Max(8, _fingerprints.Length * 2));
        }

        _fingerprints[_count++] = fingerprint;
        if (_slots is null)
        {
            if (_count > ScanLimit)
            {
                Rebuild();
            }
        }
        else if (_count * 4L > _slots.Length * 3L)
        {
            Rebuild();
        }
        else
        {
            Insert(_slots, _count);
        }
    }

    /// <summary>The index of entries 1 to <c>fingerprints.Length</c> (a snapshot being read), built in one pass.</summary>
    internal static EventIdIndex FromFingerprints(ReadOnlySpan<uint> fingerprints)
    {
        var index = new EventIdIndex { _fingerprints = fingerprints.ToArray(), _count = fingerprints.Length };
        if (index._count > ScanLimit)
        {
            index.Rebuild();
        }

        return index;
    }

    internal IEnumerable<long> Matches(uint fingerprint)
    {
        if (_slots is null)
        {
            for (var i = 0; i < _count; i++)
            {
                if (_fingerprints[i] == fingerprint)
                {
                    yield return i + 1;
                }
            }

            yield break;
        }

        var mask = _slots.Length - 1;
        for (var i = (int)(fingerprint & mask); _slots[i] != 0; i = (i + 1) & mask)
        {
            // Ids sharing a fingerprint sit in the same run of slots, so the search goes on past a match.
            if (_fingerprints[_slots[i] - 1] == fingerprint)
            {
                yield return _slots[i];
            }
        }
    }

    private void Insert(int[] slots, int sequence)
    {
        var mask = slots.Length - 1;
        var i = (int)(_fingerprints[sequence - 1] & mask);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = sequence;
    }

    /// <summary>A hash index at most half full, so it is next rebuilt (at three quarters) after half as many entries again.</summary>
    private void Rebuild()
    {
        var size = 16;
        while (_count * 2L > size)
        {
            size *= 2;
        }

        var slots = new int[size];
        for (var sequence = 1; sequence <= _count; sequence++)
        {
            Insert(slots, sequence);
        }

        _slots = slots;
    }

    /// <summary>
    /// The low 32 bits of the XxHash3 of the UTF-8 bytes: stable across processes, platforms and restarts
    /// (fingerprints are persisted in snapshots).
    /// </summary>
    public static uint Fingerprint(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(eventId.Length);
        Span<byte> buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var written = Encoding.UTF8.GetBytes(eventId, buffer);
        return (uint)XxHash3.HashToUInt64(buffer[..written]);
    }
}
