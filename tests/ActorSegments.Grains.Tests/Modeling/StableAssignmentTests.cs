using ActorSegments.Domain.Modeling;
using ActorSegments.Grains.Modeling.Cohorts;

namespace ActorSegments.Grains.Tests.Modeling;

/// <summary>
/// Who keeps a cohort, who moves, and what a refresh writes back: the store gets only what differs from the
/// assignments it holds, including newer feature rows of customers who stayed (or the next run would move them).
/// </summary>
public sealed class StableAssignmentTests
{
    [Fact]
    public async Task UnchangedRows_KeepTheirCohortAndOnlyDifferencesAreStored()
    {
        CohortAssignment[] previous = [new("kept", "k1", 1), new("newer-same", "k1", 1), new("newer-moved", "k2", 1), new("cohort-gone", "k9", 1), new("gone", "k2", 1)];
        var table = Table(("cohort-gone", 1), ("kept", 1), ("new", 5), ("newer-moved", 2), ("newer-same", 2));
        string[] ids = ["k1", "k2"];
        int[] nearest = [0, 1, 1, 0, 0]; // "kept" is now nearer k2, but its row did not change

        var result = await StableAssignment.ComputeAsync(previous.ToAsyncEnumerable(), table, nearest, ids, settledBefore: 10);

        Assert.Equal(["k1", "k1", "k2", "k1", "k1"], result.Cohorts);
        Assert.Equal([4L, 1L], result.Sizes);
        Assert.Equal(["cohort-gone", "new", "newer-moved"], result.Changed.Select(i => table.Customers[i]));
        Assert.Equal(["cohort-gone", "new", "newer-moved", "newer-same"], result.Stored.Select(i => table.Customers[i]));
        Assert.Equal(["gone"], result.Removed);

        // Members kept: k1 had kept and newer-same and keeps both; k2 had newer-moved and gone and keeps neither.
        Assert.Equal((2L, 2L, 2L, 0L), (result.Transitions.Previous("k1"), result.Transitions.Kept("k1"), result.Transitions.Previous("k2"), result.Transitions.Kept("k2")));
        Assert.Equal((1L, 0L), (result.Transitions.Previous("k9"), result.Transitions.Kept("k9")));
    }

    [Fact]
    public async Task TheSameRowsAgain_ChangeAndStoreNothing()
    {
        CohortAssignment[] previous = [new("a", "k1", 3), new("b", "k2", 4)];
        var table = Table(("a", 3), ("b", 4));

        var result = await StableAssignment.ComputeAsync(previous.ToAsyncEnumerable(), table, [1, 0], ["k1", "k2"], settledBefore: 10);

        Assert.Equal(["k1", "k2"], result.Cohorts);
        Assert.Empty(result.Changed);
        Assert.Empty(result.Stored);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public async Task ARowOfTheSecondTheLastRunStartedIn_IsAssignedAfresh()
    {
        // The last run started at second 7: a row stamped 7 may have been followed by another of the same second, after
        // the run read it, so "the same stamp" does not prove "the same row"; one stamped 6 does.
        CohortAssignment[] previous = [new("settled", "k1", 6), new("same-second", "k1", 7)];
        var table = Table(("same-second", 7), ("settled", 6));

        var result = await StableAssignment.ComputeAsync(previous.ToAsyncEnumerable(), table, [1, 1], ["k1", "k2"], settledBefore: 7);

        Assert.Equal(["k2", "k1"], result.Cohorts);
        Assert.Equal(["same-second"], result.Changed.Select(i => table.Customers[i]));
    }

    private static CohortFeatureTable Table(params (string Customer, long AsOf)[] rows)
    {
        var table = new CohortFeatureTable();
        foreach (var (customer, asOf) in rows)
        {
            table.Customers.Add(customer);
            table.Rows.Add([0f]);
            table.AsOf.Add(asOf);
        }

        return table;
    }
}
