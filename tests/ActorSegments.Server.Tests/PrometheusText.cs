using System.Globalization;

namespace ActorSegments.Server.Tests;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of every sample of <paramref name="metric"/> whose labels contain all of <paramref name="labels"/> (e.g. <c>reason="invalid"</c>).</summary>
    public static double Sum(string exposition, string metric, params string[] labels) =>
        Samples(exposition, metric).Where(s => labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

    public static bool Has(string exposition, string metricPrefix) =>
        exposition.Split('\n').Any(line => line.StartsWith(metricPrefix, StringComparison.Ordinal));

    private static IEnumerable<(string Labels, double Value)> Samples(string exposition, string metric)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            var labelsEnd = line[metric.Length] == '{' ? line.IndexOf('}', StringComparison.Ordinal) + 1 : metric.Length;
            var fields = line[labelsEnd..].Trim().Split(' ');
            yield return (line[metric.Length..labelsEnd], double.Parse(fields[0], CultureInfo.InvariantCulture));
        }
    }
}
