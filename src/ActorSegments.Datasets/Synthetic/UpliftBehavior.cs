using ActorSegments.Protos.V1;

namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// What <see cref="UpliftResponse"/> reads of a customer's behavior before the experiment starts: what a marketer could
/// see, counted from the events themselves (not from the hidden archetype).
/// </summary>
public sealed record UpliftBehavior(int Purchases, double? DaysSincePurchase, int Views30d, int EmailsSent, int EmailsOpened, double TenureDays)
{
    /// <summary>Per customer id, the behavior in <paramref name="events"/> before <paramref name="start"/>.</summary>
    public static Dictionary<string, UpliftBehavior> Of(IEnumerable<Event> events, DateTime start)
    {
        ArgumentNullException.ThrowIfNull(events);
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var evt in events)
        {
            var at = evt.OccurredAt.ToDateTime();
            if (at >= start)
            {
                continue;
            }

            if (!tallies.TryGetValue(evt.CustomerId, out var tally))
            {
                tallies[evt.CustomerId] = tally = new Tally { First = at };
            }

            tally.First = at < tally.First ? at : tally.First;
            switch (evt.Type)
            {
                case "purchase":
                    tally.Purchases++;
                    tally.LastPurchase = tally.LastPurchase is { } last && last > at ? last : at;
                    break;
                case "product_viewed" when (start - at).TotalDays <= 30:
                    tally.Views30d++;
                    break;
                case "email_sent":
                    tally.EmailsSent++;
                    break;
                case "email_opened":
                    tally.EmailsOpened++;
                    break;
            }
        }

        return tallies.ToDictionary(
            t => t.Key,
            t => new UpliftBehavior(t.Value.Purchases, (start - t.Value.LastPurchase)?.TotalDays, t.Value.Views30d, t.Value.EmailsSent, t.Value.EmailsOpened, (start - t.Value.First).TotalDays),
            StringComparer.Ordinal);
    }

    private sealed class Tally
    {
        public DateTime First;
        public DateTime? LastPurchase;
        public int Purchases;
        public int Views30d;
        public int EmailsSent;
        public int EmailsOpened;
    }
}
