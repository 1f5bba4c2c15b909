using ActorSegments.Domain.Modeling;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// Each customer's cohort after a refresh. A customer whose feature row is the very one the last run assigned from
/// keeps its cohort when that cohort still exists: only changed data moves a customer (a refit shifts boundaries a
/// little, and nobody should change cohort, and get a new email journey, for nothing they did).
/// </summary>
internal sealed record StableAssignment(string[] Cohorts, long[] Sizes, IReadOnlyList<int> Changed)
{
    public static async Task<StableAssignment> ComputeAsync(IAsyncEnumerable<CohortAssignment> previousAssignments, CohortFeatureTable table, int[] nearest, string[] ids)
    {
        var previous = new Dictionary<string, CohortAssignment>(StringComparer.Ordinal);
        await foreach (var assignment in previousAssignments)
        {
            previous[assignment.CustomerId] = assignment;
        }

        var index = ids.Select((id, c) => (id, c)).ToDictionary(p => p.id, p => p.c, StringComparer.Ordinal);
        var cohorts = new string[table.Count];
        var sizes = new long[ids.Length];
        var changed = new List<int>();
        for (var i = 0; i < table.Count; i++)
        {
            var had = previous.GetValueOrDefault(table.Customers[i]);
            var cohort = had is not null && had.FeaturesAsOf == table.AsOf[i] && index.ContainsKey(had.CohortId) ? had.CohortId : ids[nearest[i]];
            cohorts[i] = cohort;
            sizes[index[cohort]]++;
            if (had?.CohortId != cohort)
            {
                changed.Add(i);
            }
        }

        return new StableAssignment(cohorts, sizes, changed);
    }
}
