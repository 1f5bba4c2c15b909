using System.Globalization;

namespace ActorSegments.CallCost;

/// <summary>
/// Bytes the server process has allocated so far, from the runtime's counter on its <c>/metrics</c> page: unlike time on
/// a shared machine, what a call allocates hardly varies from run to run, so it shows a few hundred bytes of difference.
/// </summary>
internal sealed class ServerAllocations(HttpClient http)
{
    private const string Counter = "dotnet_gc_heap_total_allocated_bytes_total";

    /// <summary>The counter's value; null when the page does not have it (metrics off).</summary>
    public async Task<double?> ReadAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        foreach (var line in (await response.Content.ReadAsStringAsync(cancellationToken)).Split('\n'))
        {
            if (line.StartsWith(Counter, StringComparison.Ordinal) && line.Length > Counter.Length && line[Counter.Length] is ' ' or '{')
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
