using System.Globalization;

namespace ActorSegments.MlCheck;

/// <summary>
/// The mean over customers of a per-customer difference between two models (e.g. precision@10 of one minus the
/// other's on the same customer) and its standard error: whether a gap between two averages is more than the noise
/// of which customers happened to be evaluated.
/// </summary>
internal sealed record PairedDifference(int Customers, double Mean, double StandardError)
{
    public static PairedDifference Of<T>(IReadOnlyList<T> customers, Func<T, double> difference)
    {
        var values = customers.Select(difference).ToList();
        if (values.Count < 2)
        {
            return new PairedDifference(values.Count, values.Count == 0 ? 0 : values[0], double.NaN);
        }

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new PairedDifference(values.Count, mean, Math.Sqrt(variance / values.Count));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mean:+0.0000;-0.0000;0} (standard error {StandardError:0.0000}, {Customers:N0} customers)");
}
