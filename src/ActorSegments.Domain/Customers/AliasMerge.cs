using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Customers;

/// <summary>
/// What the surviving customer imports from an id linked into it (docs/identity.md): the link itself, the previous id's
/// events (their own ids, in occurred-at order, less those the survivor already recorded), the previous id's traits
/// that win, and its experiment assignments to experiments the survivor is not in. Model outputs are not imported: the
/// next scoring pass scores the merged customer.
/// </summary>
/// <remarks>
/// Trait rule: a trait's time is the occurred-at of the identify call that last set (or removed) it. The previous id's
/// value wins when it is strictly later than the survivor's, or the survivor never set the trait; on a tie the survivor
/// keeps its own. Winning traits are imported as trait updates stamped with their original times, one per time, so a
/// later merge compares the same times again.
/// </remarks>
public static class AliasMerge
{
    // Control characters are refused in client ids, so these ids can never meet an identify call's own update id.
    private const char Separator = '\u001f';
    private const string TraitIdPrefix = "$merge";

    /// <summary>The records to import, in order, and how many of them are events.</summary>
    public static MergeImport Plan(string linkId, DateTimeOffset at, string previousId, string customerId, IReadOnlyList<JournalEntry> previous, IReadOnlyList<JournalEntry> surviving)
    {
        ArgumentException.ThrowIfNullOrEmpty(linkId);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(surviving);
        var aliases = 1 + CustomerLinks.AliasCount(previous, previousId);
        var records = new List<JournalRecord> { new AliasLink(linkId, at, previousId, customerId, aliases) };

        var clientIds = surviving.Select(e => e.Record).Where(r => r is CustomerEvent or TraitUpdate).Select(r => r.EventId).ToHashSet(StringComparer.Ordinal);
        var events = previous.Select(e => e.Record).OfType<CustomerEvent>().Where(e => !clientIds.Contains(e.EventId)).OrderBy(e => e.OccurredAt).ToList();
        records.AddRange(events);
        records.AddRange(WinningTraits(linkId, previous, surviving));

        var experiments = surviving.Select(e => e.Record).OfType<ExperimentAssignment>().Select(a => a.ExperimentId).ToHashSet(StringComparer.Ordinal);
        records.AddRange(previous.Select(e => e.Record).OfType<ExperimentAssignment>().Where(a => experiments.Add(a.ExperimentId)));
        return new MergeImport(records, events.Count, aliases);
    }

    private static IEnumerable<TraitUpdate> WinningTraits(string linkId, IReadOnlyList<JournalEntry> previous, IReadOnlyList<JournalEntry> surviving)
    {
        var mine = LastSet(surviving);
        var winners = LastSet(previous)
            .Where(p => mine.TryGetValue(p.Key, out var held) ? p.Value.At > held.At : p.Value.Value is not null)
            .GroupBy(p => p.Value.At)
            .OrderBy(g => g.Key);
        var n = 0;
        foreach (var group in winners)
        {
            yield return new TraitUpdate($"{TraitIdPrefix}{Separator}{linkId}{Separator}{n++}", group.Key, group.Select(p => new KeyValuePair<string, TraitValue?>(p.Key, p.Value.Value)));
        }
    }

    /// <summary>Each trait's value (null: removed) and time, from the last trait update in journal order that named it.</summary>
    private static Dictionary<string, (TraitValue? Value, DateTimeOffset At)> LastSet(IReadOnlyList<JournalEntry> history)
    {
        var last = new Dictionary<string, (TraitValue?, DateTimeOffset)>(StringComparer.Ordinal);
        foreach (var update in history.Select(e => e.Record).OfType<TraitUpdate>())
        {
            foreach (var (name, value) in update.Traits)
            {
                last[name] = (value, update.OccurredAt);
            }
        }

        return last;
    }
}
