using System.Runtime.InteropServices;

namespace ActorSegments.Domain.Segments;

/// <summary>
/// The entries of one customer's memberships, ordered by segment position, found by binary search: one array with a
/// little room to grow, so that an entry added or removed rarely allocates. A mutable struct held in one field of
/// <see cref="Memberships"/>, so it costs no object of its own.
/// </summary>
internal struct MembershipEntries
{
    private Entry[]? _items;
    private int _count;

    /// <summary>One segment's entry: since when the customer is in it (or not a member) and its next change.</summary>
    /// <remarks>Packed to 20 bytes: entries are most of what an active customer's memberships hold.</remarks>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public readonly record struct Entry(int Segment, long Since, long Next);

    public readonly ReadOnlySpan<Entry> All => _items.AsSpan(0, _count);

    public readonly long SinceOf(int segment, long missing)
    {
        var i = Find(segment);
        return i >= 0 ? _items![i].Since : missing;
    }

    public readonly long NextOf(int segment, long missing)
    {
        var i = Find(segment);
        return i >= 0 ? _items![i].Next : missing;
    }

    /// <summary>Adds or replaces the entry of <paramref name="segment"/>; a full array grows by <paramref name="growth"/>.</summary>
    public void Set(int segment, long since, long next, int growth)
    {
        var i = Find(segment);
        if (i >= 0)
        {
            _items![i] = new Entry(segment, since, next);
            return;
        }

        i = ~i;
        if (_items is null || _count == _items.Length)
        {
            var grown = new Entry[_count + growth];
            All[..i].CopyTo(grown);
            All[i..].CopyTo(grown.AsSpan(i + 1));
            _items = grown;
        }
        else
        {
            Array.Copy(_items, i, _items, i + 1, _count - i);
        }

        _items[i] = new Entry(segment, since, next);
        _count++;
    }

    /// <summary>Removes the entry of <paramref name="segment"/> if there is one; the array shrinks when mostly empty.</summary>
    public void Remove(int segment)
    {
        var i = Find(segment);
        if (i < 0)
        {
            return;
        }

        _count--;
        Array.Copy(_items!, i + 1, _items!, i, _count - i);
        if (_count == 0)
        {
            _items = null;
        }
        else if (_items!.Length >= 2 * _count + 8)
        {
            _items = All.ToArray();
        }
    }

    private readonly int Find(int segment)
    {
        var (low, high) = (0, _count - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var at = _items![middle].Segment;
            if (at == segment)
            {
                return middle;
            }

            (low, high) = at < segment ? (middle + 1, high) : (low, middle - 1);
        }

        return ~low;
    }
}
