using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.MemberRows;

/// <summary>
/// A customer's commit as the workload makes them: 10 events, then <see cref="Variant.Changes"/> membership changes
/// (even rounds enter a set of segments, odd rounds leave the same set, so the members table keeps its size) and,
/// when the variant says so, a wake-up that moves with every commit.
/// </summary>
internal static class CommitShape
{
    public const int EventsPerCommit = 10;

    public static CustomerCommit Make(Variant variant, string workspace, string customer, int caller, int round, int segments)
    {
        var at = 1_780_000_000L + round;
        var entries = new List<JournalEntry>(EventsPerCommit);
        for (var k = 1; k <= EventsPerCommit; k++)
        {
            var sequence = (long)round * EventsPerCommit + k;
            var properties = new Dictionary<string, PropertyValue> { ["category"] = PropertyValue.Of("Audio"), ["price"] = PropertyValue.Of(19.99) };
            entries.Add(new JournalEntry(sequence, at, new CustomerEvent($"{customer}-{sequence}", "product_viewed", DateTimeOffset.FromUnixTimeSeconds(at), properties)));
        }

        // Distinct segments for up to 50 / gcd: 17 * j mod 50 differs for j < 50.
        var set = round / 2;
        var changes = Enumerable.Range(0, variant.Changes)
            .Select(j => new MembershipChange(SegmentId((caller * 7 + set * 11 + j * 17) % segments), round % 2 == 0, at, MembershipCause.Event))
            .ToList();
        return new CustomerCommit(workspace, customer, entries, changes, variant.WakeUpMoves ? at + 3_600 : null);
    }

    public static string SegmentId(int index) => $"s{index:D2}";
}
