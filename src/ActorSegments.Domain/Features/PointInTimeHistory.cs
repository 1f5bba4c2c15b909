using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Features;

/// <summary>
/// One customer's journal in occurred-at order (ties kept in sequence order), so that "everything before a cutoff" is
/// a prefix and "everything in a label window" a contiguous run. Built once per customer and shared by every cutoff.
/// </summary>
/// <remarks>
/// The journal is in sequence (arrival) order; a late event (appended long after it occurred) is moved back to where
/// it happened, since it did happen before any cutoff that follows it.
/// </remarks>
public sealed class PointInTimeHistory
{
    private readonly JournalEntry[] _entries;
    private readonly long[] _seconds;

    public PointInTimeHistory(CustomerHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        CustomerId = history.CustomerId;
        _entries = [.. history.Entries];
        if (!IsInOccurredOrder(_entries))
        {
            Array.Sort(_entries, InOccurredOrder);
        }

        _seconds = new long[_entries.Length];
        for (var i = 0; i < _entries.Length; i++)
        {
            _seconds[i] = UnixTime.Seconds(_entries[i].Record.OccurredAt);
        }
    }

    public string CustomerId { get; }

    public int Count => _entries.Length;

    public JournalEntry this[int index] => _entries[index];

    /// <summary>When entry <paramref name="index"/> occurred (Unix seconds).</summary>
    public long OccurredAt(int index) => _seconds[index];

    /// <summary>How many entries occurred strictly before <paramref name="time"/> (Unix seconds): the prefix to apply.</summary>
    public int CountBefore(long time) => ~_seconds.AsSpan().BinarySearch(new FirstAtOrAfter(time));

    /// <summary>Most journals are already in occurred-at order; checking is cheaper than sorting.</summary>
    private static bool IsInOccurredOrder(JournalEntry[] entries)
    {
        for (var i = 1; i < entries.Length; i++)
        {
            if (InOccurredOrder(entries[i - 1], entries[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int InOccurredOrder(JournalEntry a, JournalEntry b)
    {
        var byTime = a.Record.OccurredAt.UtcTicks.CompareTo(b.Record.OccurredAt.UtcTicks);
        return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
    }

    /// <summary>Never equal to an element, so the search ends at the first element at or after the time.</summary>
    private readonly struct FirstAtOrAfter(long time) : IComparable<long>
    {
        public int CompareTo(long other) => other < time ? 1 : -1;
    }
}
