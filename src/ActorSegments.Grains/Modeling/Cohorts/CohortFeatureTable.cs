using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// The feature table as a refresh clusters it: the chosen columns of every customer's row, brought up to the refresh
/// time ("days since" values grow by the days since the row was written), with each row's write time.
/// </summary>
internal sealed class CohortFeatureTable
{
    public List<string> Customers { get; } = [];

    public List<float[]> Rows { get; } = [];

    public List<long> AsOf { get; } = [];

    public int Count => Rows.Count;

    public static async Task<CohortFeatureTable> ReadAsync(IFeatureStore store, string workspaceId, IReadOnlyList<int> columns, long now, CancellationToken cancellationToken)
    {
        var table = new CohortFeatureTable();
        var daysSince = columns.Select(c => CustomerFeatures.Definitions[c].DaysSince).ToArray();
        await foreach (var row in store.ReadAllAsync(workspaceId, cancellationToken))
        {
            var elapsedDays = now > row.AsOf ? (float)((now - row.AsOf) / 86_400.0) : 0;
            var selected = new float[columns.Count];
            for (var j = 0; j < columns.Count; j++)
            {
                var value = row.Values[columns[j]];
                selected[j] = daysSince[j] ? Math.Min(value + elapsedDays, CustomerFeatures.NeverDays) : value;
            }

            table.Customers.Add(row.CustomerId);
            table.Rows.Add(selected);
            table.AsOf.Add(row.AsOf);
        }

        return table;
    }
}
