using ActorSegments.Domain.Modeling;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// Each customer's cohort after a refresh. A customer whose feature row is the very one the last run assigned from
/// keeps its cohort when that cohort still exists: only changed data moves a customer (a refit shifts boundaries a
/// little, and nobody should change cohort, and get a new email journey, for nothing they did). Rows are stamped to the
/// second, so "the very row" needs the row's second to have ended before the last run read the table: a row of the
/// second the run started in (or later) may have a successor of the same second, and is assigned afresh instead.
/// </summary>
/// <param name="Cohorts">Each row's cohort id.</param>
/// <param name="Sizes">Customers per cohort, in the order of the ids.</param>
/// <param name="Changed">Rows whose cohort is not the one they had (new customers included): those pushed.</param>
/// <param name="Stored">Rows whose stored assignment must change: the changed ones, and those whose feature row is newer.</param>
/// <param name="Removed">Customers assigned before who have no feature row now.</param>
/// <param name="Transitions">Every previously assigned customer's cohort before and after, for the members kept.</param>
internal sealed record StableAssignment(string[] Cohorts, long[] Sizes, IReadOnlyList<int> Changed, IReadOnlyList<int> Stored, IReadOnlyCollection<string> Removed, CohortTransitions Transitions)
{
    /// <param name="previousAssignments">The stored assignments, each with the stamp of the row it was made from.</param>
    /// <param name="table">This run's feature rows.</param>
    /// <param name="nearest">Each row's nearest cohort, as an index into <paramref name="ids"/>.</param>
    /// <param name="ids">This run's cohort ids.</param>
    /// <param name="settledBefore">
    /// Unix seconds: when the run the assignments come from started (or earlier). Only rows stamped before it are
    /// known to be the very rows it read; <see cref="long.MinValue"/> keeps nobody's cohort.
    /// </param>
    public static async Task<StableAssignment> ComputeAsync(
        IAsyncEnumerable<CohortAssignment> previousAssignments, CohortFeatureTable table, int[] nearest, string[] ids, long settledBefore)
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
            var same = had is not null && had.FeaturesAsOf == table.AsOf[i] && had.FeaturesAsOf < settledBefore;
            var cohort = same && index.ContainsKey(had!.CohortId) ? had.CohortId : ids[nearest[i]];
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
