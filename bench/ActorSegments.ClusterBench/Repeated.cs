using System.Globalization;
using ActorSegments.BenchSupport;

namespace ActorSegments.ClusterBench;

/// <summary>
/// A rate measured in several runs: the median is what a row reports and what ratios use; min and max show the
/// spread, which on this machine's disk can be large from one run to the next.
/// </summary>
internal sealed record Repeated(double Median, double Min, double Max, int Runs)
{
    /// <summary>Runs <paramref name="measure"/> (given the run's number, from 0) <paramref name="runs"/> times, one after another.</summary>
    public static async Task<Repeated> MeasureAsync(int runs, Func<int, Task<double>> measure)
    {
        var values = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            values.Add(await measure(run));
        }

        return Of(values);
    }

    /// <summary>The median (<see cref="Percentiles.Median"/>), min and max of values already measured (at least one).</summary>
    public static Repeated Of(IEnumerable<double> measured)
    {
        var values = measured.Order().ToList();
        return new Repeated(Percentiles.Median(values), values[0], values[^1], values.Count);
    }

    /// <summary><c>median unit</c>, followed by <c>(min–max)</c> when there was more than one run.</summary>
    public string Format(string unit, int decimals = 0)
    {
        var format = $"N{decimals}";
        var median = Median.ToString(format, CultureInfo.InvariantCulture);
        return Runs == 1
            ? $"{median} {unit}"
            : $"{median} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)}) {unit}";
    }
}
