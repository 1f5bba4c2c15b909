using ActorSegments.Domain.Modeling;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>What every <see cref="Domain.Storage.ICohortStore"/> must do with assignments.</summary>
public abstract class CohortAssignmentContract<TStorage>
    where TStorage : IModelingStorageFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateAssignments_ChangedReplaceOrAdd_RemovedGone_OthersKept_ReadBackInOrdinalOrder()
    {
        await using var storage = await TStorage.StartAsync("assign_update");
        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream(new CohortAssignment("a", "k1", 1), new("b", "k1", 1), new("c", "k2", 1)), [], Cancel);
        await storage.Cohorts.UpdateAssignmentsAsync("w2", Stream(new CohortAssignment("a", "x", 9)), [], Cancel);

        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream(new CohortAssignment("d", "k3", 5), new("B", "k2", 4), new("b", "k2", 3)), ["a", "never-assigned"], Cancel);

        Assert.Equal([new CohortAssignment("B", "k2", 4), new("b", "k2", 3), new("c", "k2", 1), new("d", "k3", 5)], await ReadAsync(storage, "w"));
        Assert.Equal([new CohortAssignment("a", "x", 9)], await ReadAsync(storage, "w2"));
        Assert.Empty(await ReadAsync(storage, "w3"));
    }

    [Fact]
    public async Task UpdateAssignments_ManyRows_AllReadBack_AndAllRemoved()
    {
        await using var storage = await TStorage.StartAsync("assign_many");
        var assignments = Enumerable.Range(0, 45_001).Select(i => new CohortAssignment($"c{i:D6}", $"k{i % 7}", i)).ToList();

        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream([.. assignments]), [], Cancel);

        Assert.Equal(assignments, await ReadAsync(storage, "w"));
        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream(), [], Cancel);
        Assert.Equal(assignments, await ReadAsync(storage, "w"));
        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream(), [.. assignments.Select(a => a.CustomerId)], Cancel);
        Assert.Empty(await ReadAsync(storage, "w"));
    }

    [Fact]
    public async Task UpdateAssignments_RemovedAndChanged_EndsChanged()
    {
        await using var storage = await TStorage.StartAsync("assign_both");
        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream(new CohortAssignment("a", "k1", 1)), [], Cancel);

        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream(new CohortAssignment("a", "k2", 2)), ["a"], Cancel);

        Assert.Equal([new CohortAssignment("a", "k2", 2)], await ReadAsync(storage, "w"));
    }

    [Fact]
    public async Task UpdateAssignments_Failing_KeepsTheOldOnes()
    {
        await using var storage = await TStorage.StartAsync("assign_fail");
        await storage.Cohorts.UpdateAssignmentsAsync("w", Stream(new CohortAssignment("a", "k1", 1)), [], Cancel);

        await Assert.ThrowsAnyAsync<Exception>(() => storage.Cohorts.UpdateAssignmentsAsync("w", Stream(new CohortAssignment("b", "k2", 2), new("b", "k3", 2)), ["a"], Cancel));
        await Assert.ThrowsAsync<InvalidDataException>(() => storage.Cohorts.UpdateAssignmentsAsync("w", Failing(new CohortAssignment("b", "k2", 2)), ["a"], Cancel));

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
