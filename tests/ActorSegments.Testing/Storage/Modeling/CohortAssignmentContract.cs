using ActorSegments.Domain.Modeling;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>What every <see cref="Domain.Storage.ICohortStore"/> must do with assignments.</summary>
public abstract class CohortAssignmentContract<TStorage>
    where TStorage : IModelingStorageFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReplaceAssignments_OldRowsGone_NewOnesReadBackInOrdinalOrder()
    {
        await using var storage = await TStorage.StartAsync("assign_replace");
        await storage.Cohorts.ReplaceAssignmentsAsync("w", Stream(new CohortAssignment("a", "k1", 1), new("b", "k1", 1), new("c", "k2", 1)), Cancel);
        await storage.Cohorts.ReplaceAssignmentsAsync("w2", Stream(new CohortAssignment("a", "x", 9)), Cancel);

        await storage.Cohorts.ReplaceAssignmentsAsync("w", Stream(new CohortAssignment("d", "k3", 5), new("B", "k2", 4), new("b", "k2", 3)), Cancel);

        Assert.Equal([new CohortAssignment("B", "k2", 4), new("b", "k2", 3), new("d", "k3", 5)], await ReadAsync(storage, "w"));
        Assert.Equal([new CohortAssignment("a", "x", 9)], await ReadAsync(storage, "w2"));
        Assert.Empty(await ReadAsync(storage, "w3"));
    }

    [Fact]
    public async Task ReplaceAssignments_ManyRows_AllReadBack()
    {
        await using var storage = await TStorage.StartAsync("assign_many");
        var assignments = Enumerable.Range(0, 45_001).Select(i => new CohortAssignment($"c{i:D6}", $"k{i % 7}", i)).ToList();

        await storage.Cohorts.ReplaceAssignmentsAsync("w", Stream([.. assignments]), Cancel);

        Assert.Equal(assignments, await ReadAsync(storage, "w"));
        await storage.Cohorts.ReplaceAssignmentsAsync("w", Stream(), Cancel);
        Assert.Empty(await ReadAsync(storage, "w"));
    }

    [Fact]
    public async Task ReplaceAssignments_Failing_KeepsTheOldOnes()
    {
        await using var storage = await TStorage.StartAsync("assign_fail");
        await storage.Cohorts.ReplaceAssignmentsAsync("w", Stream(new CohortAssignment("a", "k1", 1)), Cancel);

        await Assert.ThrowsAnyAsync<Exception>(() => storage.Cohorts.ReplaceAssignmentsAsync("w", Stream(new CohortAssignment("a", "k2", 2), new("a", "k3", 2)), Cancel));
        await Assert.ThrowsAsync<InvalidDataException>(() => storage.Cohorts.ReplaceAssignmentsAsync("w", Failing(new CohortAssignment("b", "k2", 2)), Cancel));

        Assert.Equal([new CohortAssignment("a", "k1", 1)], await ReadAsync(storage, "w"));
    }

    private static async IAsyncEnumerable<CohortAssignment> Stream(params CohortAssignment[] assignments)
    {
        foreach (var assignment in assignments)
        {
            await Task.Yield();
            yield return assignment;
        }
    }

    /// <summary>A producer that fails part-way, as a cohort job that crashes while assigning.</summary>
    private static async IAsyncEnumerable<CohortAssignment> Failing(CohortAssignment first)
    {
        await Task.Yield();
        yield return first;
        throw new InvalidDataException("the producer failed");
    }

    private static async Task<List<CohortAssignment>> ReadAsync(ModelingStorageUnderTest storage, string workspaceId)
    {
        var assignments = new List<CohortAssignment>();
        await foreach (var assignment in storage.Cohorts.ReadAssignmentsAsync(workspaceId, Cancel))
        {
            assignments.Add(assignment);
        }

        return assignments;
    }
}
