using ActorSegments.Datasets.Retail;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.MlCheck;

/// <summary>
/// The Online Retail file as the service's journal would hold it after <c>import --retail --product-lines</c>: per
/// customer, a <c>purchase</c> per invoice (with its revenue) and a <c>product_purchased</c> per line, each applied at
/// the time it occurred (the events arrive on time).
/// </summary>
internal sealed record RetailJournal(IReadOnlyList<CleaningStep> Steps, IReadOnlyList<CustomerHistory> Histories, long Invoices, long ProductLines, long FirstEvent, long LastEvent)
{
    private const string Workspace = "ml-check";

    /// <param name="path">The CSV, plain or gzipped.</param>
    /// <param name="keepEvery">Keep one customer in this many, in order of first appearance (1 keeps everyone).</param>
    public static RetailJournal Read(string path, int keepEvery)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keepEvery);
        var cleaning = new RetailCleaning();
        var seen = 0;
        var byCustomer = new Dictionary<string, List<JournalEntry>?>(StringComparer.Ordinal);
        var histories = new List<CustomerHistory>();
        long invoices = 0, lines = 0, first = long.MaxValue, last = long.MinValue;
        foreach (var wire in RetailEvents.FromLines(cleaning.Clean(RetailCsv.ReadFile(path)), Workspace, productEvents: true))
        {
            if (!byCustomer.TryGetValue(wire.CustomerId, out var entries))
            {
                entries = seen++ % keepEvery == 0 ? [] : null;
                byCustomer.Add(wire.CustomerId, entries);
                if (entries is not null)
                {
                    histories.Add(new CustomerHistory(wire.CustomerId, entries));
                }
            }

            if (entries is null)
            {
                continue;
            }

            var evt = WireEvents.ToDomain(wire);
            var at = UnixTime.Seconds(evt.OccurredAt);
            entries.Add(new JournalEntry(entries.Count + 1, at, evt));
            (first, last) = (Math.Min(first, at), Math.Max(last, at));
            if (evt.Type == RetailEvents.PurchaseType)
            {
                invoices++;
            }
            else
            {
                lines++;
            }
        }

        return new RetailJournal(cleaning.Steps, histories, invoices, lines, first, last);
    }
}
