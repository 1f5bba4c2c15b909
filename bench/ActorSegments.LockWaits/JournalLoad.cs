using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.LockWaits;

/// <summary>
/// Callers committing to journals as customers do: each caller is one customer committing 10 events and 3 membership
/// changes per commit (entering 3 of the segments, then leaving them on the next commit), spread over the journals.
/// </summary>
internal static class JournalLoad
{
    private const int EventsPerCommit = 10;
    private const int ChangesPerCommit = 3;

    /// <summary>Commits until <paramref name="stop"/>; returns the commits done after <paramref name="measureFrom"/> fires.</summary>
    public static async Task<long> RunAsync(
        IReadOnlyList<ICustomerJournal> journals, string workspace, int segments, int callers, CancellationToken measureFrom, CancellationToken stop)
    {
        long measured = 0;
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var journal = journals[caller % journals.Count];
            var customer = $"c{caller}";
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                await journal.CommitAsync(Commit(workspace, customer, caller, round, segments), CancellationToken.None);
                if (measureFrom.IsCancellationRequested)
                {
                    Interlocked.Increment(ref measured);
                }
            }
        }));
        await Task.WhenAll(tasks);
        return measured;
    }

    private static CustomerCommit Commit(string workspace, string customer, int caller, int round, int segments)
    {
        var at = 1_780_000_000L + round;
        var entries = Enumerable.Range(1, EventsPerCommit).Select(k =>
        {
            var sequence = (long)round * EventsPerCommit + k;
            var properties = new Dictionary<string, PropertyValue> { ["category"] = PropertyValue.Of("Audio"), ["price"] = PropertyValue.Of(19.99) };
            return new JournalEntry(sequence, at, new CustomerEvent($"{customer}-{sequence}", "product_viewed", DateTimeOffset.FromUnixTimeSeconds(at), properties));
        }).ToList();
        // Even rounds enter three segments, odd rounds leave the same three.
        var set = round / 2;
        var changes = Enumerable.Range(0, ChangesPerCommit)
            .Select(j => new MembershipChange(SegmentId((caller * 7 + set * 11 + j * 17) % segments), round % 2 == 0, at, MembershipCause.Event))
            .DistinctBy(c => c.SegmentId)
            .ToList();
        return new CustomerCommit(workspace, customer, entries, changes, null);
    }

    public static string SegmentId(int index) => $"s{index:D2}";
}
