using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// Picks, from a page of customers, the ones a segment change affects, by evaluating the segment on their committed
/// records (snapshot plus later journal entries, read in bulk and rebuilt exactly as an activation rebuilds them) and
/// comparing with their committed membership. A backfill then activates only those, instead of every customer of the
/// workspace.
/// </summary>
/// <remarks>
/// Only valid once every silo evaluates with the new definitions (see <see cref="SettleTime"/>): from then on any
/// commit a customer makes already reflects the change, and everything committed before is in what is read here.
/// </remarks>
public sealed class BackfillScreen(ICustomerJournal journal, TimeProvider clock)
{
    /// <summary>How long after a definitions change a screen may be trusted: the catalog refresh plus in-flight calls.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<string>> AffectedAsync(CompiledWorkspace workspace, string segmentId, IReadOnlyList<string> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(customers);
        if (workspace.Segments.Segment(segmentId) is not { } segment || customers.Count == 0)
        {
            return customers;
        }

        var records = await journal.LoadManyAsync(workspace.WorkspaceId, customers, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var affected = new List<string>();
        foreach (var customer in customers)
        {
            var record = records.GetValueOrDefault(customer) ?? CustomerRecord.None;
            if (CommittedRecords.Matches(segment.Rule, customer, record, workspace.Model, now) != record.Members.ContainsKey(segmentId))
            {
                affected.Add(customer);
            }
        }

        return affected;
    }
}
