using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.ML.Tests.Propensity;

/// <summary>
/// Customers who each buy at their own steady rate (from once a year to once in 3 days): how often a customer bought
/// recently predicts whether it buys in the next 30 days, a signal a model must find.
/// </summary>
internal static class PlantedPurchases
{
    private const long Day = 86_400;

    public static readonly long Start = UnixTime.Seconds(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Training rows at days 180 and 210, holdout rows at day 240 (its labels come after every training label).</summary>
    public static (PropensityDataset Train, PropensityDataset Holdout) Datasets(int customers, int seed)
    {
        var histories = Histories(customers, days: 270, seed);
        var outcome = Outcomes.Purchase30Days;
        var holdoutCutoff = Start + (240 * Day);
        var train = PointInTimeDataset.Build(histories, [Start + (180 * Day), Start + (210 * Day)], outcome, BehaviorModel.Default, holdoutCutoff);
        var holdout = PointInTimeDataset.Build(histories, [holdoutCutoff], outcome, BehaviorModel.Default, Start + (270 * Day));
        return (train.ToPropensityDataset(), holdout.ToPropensityDataset());
    }

    public static List<CustomerHistory> Histories(int customers, int days, int seed)
    {
        var random = new Random(seed);
        var histories = new List<CustomerHistory>(customers);
        for (var c = 0; c < customers; c++)
        {
            var perDay = Math.Exp(Math.Log(1 / 365.0) + (random.NextDouble() * Math.Log(365 / 3.0)));
            var entries = new List<JournalEntry>();
            Add(entries, "product_viewed", Start + random.NextInt64(Day));
            // Poisson arrivals: exponential gaps at the customer's rate, each purchase after a view.
            for (var t = Start + Day + (long)(-Math.Log(1 - random.NextDouble()) / perDay * Day); t < Start + (days * Day); t += 1 + (long)(-Math.Log(1 - random.NextDouble()) / perDay * Day))
            {
                Add(entries, "product_viewed", t - 600);
                Add(entries, "purchase", t, PropertyValue.Of(10 + random.Next(90)));
            }

            histories.Add(new CustomerHistory($"c{c}", entries));
        }

        return histories;
    }

    private static void Add(List<JournalEntry> entries, string type, long at, PropertyValue? revenue = null)
    {
        var properties = revenue is { } value ? new Dictionary<string, PropertyValue> { ["revenue"] = value } : CustomerEvent.NoProperties;
        entries.Add(new JournalEntry(entries.Count + 1, at, new CustomerEvent($"e{entries.Count}", type, UnixTime.ToDateTimeOffset(at), properties)));
    }
}
