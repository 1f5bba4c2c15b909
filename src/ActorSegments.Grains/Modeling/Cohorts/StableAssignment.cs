using ActorSegments.Domain.Modeling;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// Each customer's cohort after a refresh. A customer whose feature row is the very one the last run assigned from
/// keeps its cohort when that cohort still exists: only changed data moves a customer (a refit shifts boundaries a
/// little, and nobody should change cohort, and get a new email journey, for nothing they did).
/// </summary>
/// <param name="Cohorts">Each row's cohort id.</param>
/// <param name="Sizes">Customers per cohort, in the order of the ids.</param>
/// <param name="Changed">Rows whose cohort is not the one they had (new customers included): those pushed.</param>
/// <param name="Stored">Rows whose stored assignment must change: the changed ones, and those whose feature row is newer.</param>
/// <param name="Removed">Customers assigned before who have no feature row now.</param>
/// <param name="Transitions">Every previously assigned customer's cohort before and after, for the members kept.</param>
internal sealed record StableAssignment(string[] Cohorts, long[] Sizes, IReadOnlyList<int> Changed, IReadOnlyList<int> Stored, IReadOnlyCollection<string> Removed, CohortTransitions Transitions)
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
        var stored = new List<int>();
        var transitions = new CohortTransitions();
        for (var i = 0; i < table.Count; i++)
        {
            // Taken out, so what is left at the end are the customers who are gone.
            var had = previous.Remove(table.Customers[i], out var found) ? found : null;
            var cohort = had is not null && had.FeaturesAsOf == table.AsOf[i] && index.ContainsKey(had.CohortId) ? had.CohortId : ids[nearest[i]];
            cohorts[i] = cohort;
            sizes[index[cohort]]++;
            transitions.Add(had?.CohortId, cohort);
            if (had?.CohortId != cohort)
            {
                changed.Add(i);
            }

            if (had?.CohortId != cohort || had.FeaturesAsOf != table.AsOf[i])
            {
                stored.Add(i);
            }
        }

        foreach (var gone in previous.Values)
        {
            transitions.Add(gone.CohortId, null);
        }

        return new StableAssignment(cohorts, sizes, changed, stored, previous.Keys, transitions);
    }
}
