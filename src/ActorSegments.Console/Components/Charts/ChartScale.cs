using System.Globalization;

namespace ActorSegments.WebConsole.Components.Charts;

/// <summary>Maps a value range onto a pixel range (inline SVG charts); a flat range is widened so nothing divides by zero.</summary>
internal readonly record struct ChartScale(double Min, double Max, double From, double To)
{
    public static ChartScale Of(IEnumerable<double> values, double from, double to, double? min = null, double? max = null)
    {
        var list = values.Where(double.IsFinite).ToList();
        var low = min ?? (list.Count == 0 ? 0 : list.Min());
        var high = max ?? (list.Count == 0 ? 1 : list.Max());
        if (high <= low)
        {
            (low, high) = (low - 1, high + 1);
        }

        return new ChartScale(low, high, from, to);
    }

    public double At(double value) => From + ((Math.Clamp(value, Min, Max) - Min) / (Max - Min) * (To - From));

    /// <summary>A coordinate as SVG wants it: invariant, two decimals.</summary>
    public static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
