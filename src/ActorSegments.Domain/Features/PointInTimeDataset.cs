using System.Globalization;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Features;

/// <summary>
/// Training rows for a propensity model: for each cutoff, every customer known before it, with the features as of the
/// cutoff and the outcome in the window that follows. Several cutoffs are stacked (in the order given, customers in
/// input order within each), which multiplies the examples and spreads them over seasons.
/// </summary>
public sealed record PointInTimeDataset(IReadOnlyList<float[]> Rows, IReadOnlyList<bool> Labels, IReadOnlyList<PointInTimeSample> Samples)
{
    public int Positives => Labels.Count(l => l);

    public PropensityDataset ToPropensityDataset() => new(Rows, Labels) { Groups = [.. Samples.Select(s => s.CustomerId)] };

    /// <summary>
    /// Builds the rows of <paramref name="outcome"/> at each cutoff (Unix seconds). <paramref name="dataEnd"/> is when
    /// the data stops (Unix seconds): a cutoff whose label window ends after it is refused, since its labels would
    /// count a purchase or an activity that may yet come as missing.
    /// </summary>
    /// <exception cref="ArgumentException">A cutoff's label window ends after <paramref name="dataEnd"/>.</exception>
    public static PointInTimeDataset Build(
        IEnumerable<CustomerHistory> histories,
        IReadOnlyList<long> cutoffs,
        Outcome outcome,
        BehaviorModel model,
        long dataEnd,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(cutoffs);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cutoff in cutoffs)
        {
            if (outcome.WindowEnd(cutoff) > dataEnd)
            {
                throw new ArgumentException(
                    $"The cutoff {Format(cutoff)} is too late for {outcome.Name}: its {outcome.Window.TotalDays:0.##}-day label window ends at " +
                    $"{Format(outcome.WindowEnd(cutoff))}, after the data ends ({Format(dataEnd)}), so its labels would be incomplete. " +
                    $"The latest usable cutoff is {Format(dataEnd - outcome.WindowSeconds)}.",
                    nameof(cutoffs));
            }
        }

        // Customers are independent: each is sorted once and rebuilt at every cutoff, in parallel, keeping input order.
        var perCustomer = histories
            .AsParallel()
            .AsOrdered()
            .WithCancellation(cancellationToken)
            .Select(history => Examples(new PointInTimeHistory(history), cutoffs, outcome, model))
            .ToList();

        var rows = new List<float[]>();
        var labels = new List<bool>();
        var samples = new List<PointInTimeSample>();
        for (var c = 0; c < cutoffs.Count; c++)
        {
            foreach (var (customerId, examples) in perCustomer)
            {
                var (features, label) = examples[c];
                if (features is null)
                {
                    continue; // nothing known of the customer yet
                }

                rows.Add(features);
                labels.Add(label);
                samples.Add(new PointInTimeSample(customerId, cutoffs[c]));
            }
        }

        return new PointInTimeDataset(rows, labels, samples);
    }

    private static (string CustomerId, (float[]? Features, bool Label)[] Examples) Examples(
        PointInTimeHistory history,
        IReadOnlyList<long> cutoffs,
        Outcome outcome,
        BehaviorModel model)
    {
        var examples = new (float[]?, bool)[cutoffs.Count];
        for (var c = 0; c < cutoffs.Count; c++)
        {
            var features = PointInTimeFeatures.Extract(history, cutoffs[c], model);
            examples[c] = (features, features is not null && outcome.Label(history, cutoffs[c], model));
        }

        return (history.CustomerId, examples);
    }

    private static string Format(long seconds) => UnixTime.ToDateTimeOffset(seconds).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
