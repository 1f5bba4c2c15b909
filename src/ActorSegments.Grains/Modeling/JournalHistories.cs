using System.Runtime.CompilerServices;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Grains.Modeling;

/// <summary>A workspace's whole journal in memory, for the trainings that rebuild history.</summary>
internal static class JournalHistories
{
    public static async Task<List<CustomerHistory>> ReadAsync(IJournalScan journal, string workspaceId, CancellationToken cancellationToken)
    {
        var histories = new List<CustomerHistory>();
        await foreach (var history in CustomersAsync(journal, workspaceId, cancellationToken))
        {
            histories.Add(history);
        }

        return histories;
    }

    /// <summary>
    /// The workspace's customers one at a time, aliases left out: an id linked into another customer keeps its journal,
    /// whose events the surviving customer holds too (docs/identity.md), so a training must not see them twice.
    /// </summary>
    public static async IAsyncEnumerable<CustomerHistory> CustomersAsync(IJournalScan journal, string workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        await foreach (var history in journal.ScanAsync(workspaceId, cancellationToken))
        {
            if (CustomerLinks.AliasOf(history.Entries, history.CustomerId) is null)
            {
                yield return history;
            }
        }
    }

    /// <summary>The earliest and latest occurred-at of behavioral events (model outputs and trait updates aside).</summary>
    public static (long Start, long End) Span(IEnumerable<CustomerHistory> histories)
    {
        var (start, end) = (long.MaxValue, long.MinValue);
        foreach (var history in histories)
        {
            foreach (var entry in history.Entries)
            {
                if (entry.Record is not CustomerEvent evt)
                {
                    continue;
                }

                var at = UnixTime.Seconds(evt.OccurredAt);
                (start, end) = (Math.Min(start, at), Math.Max(end, at));
            }
        }

        return start > end ? (0, 0) : (start, end);
    }
}
