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
    public void Set(int segment, long since, long next, int growth) => SetAt(Find(segment), segment, since, next, growth);

    /// <summary>
    /// Where the entry of <paramref name="segment"/> is, or the bitwise complement of where it would go: for a caller
    /// that reads and then writes one entry with a single search.
    /// </summary>
    public readonly int Find(int segment)
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

    /// <summary>The entry at <paramref name="index"/> (a position <see cref="Find"/> returned).</summary>
    public readonly Entry At(int index) => _items![index];

    /// <summary>Replaces the entry at <paramref name="index"/>, or inserts it at <c>~index</c> (as <see cref="Find"/> returned).</summary>
    public void SetAt(int index, int segment, long since, long next, int growth)
    {
        if (index >= 0)
        {
            _items![index] = new Entry(segment, since, next);
            return;
        }

        var i = ~index;
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

    /// <summary>Removes the entry at <paramref name="i"/> (a position <see cref="Find"/> returned); the array shrinks when mostly empty.</summary>
    public void RemoveAt(int i)
    {
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
}
