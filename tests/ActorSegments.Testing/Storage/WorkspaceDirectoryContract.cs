using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="IWorkspaceDirectory"/> must do.</summary>
public abstract class WorkspaceDirectoryContract<TStorage>
    where TStorage : IStorageFactory
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_New_ReturnsTrueAndIsFound()
    {
        await using var storage = await TStorage.StartAsync("workspaces_create");

        Assert.True(await storage.Workspaces.CreateAsync("acme", "Acme Inc.", T0, TestContext.Current.CancellationToken));

        Assert.Equal(new WorkspaceInfo("acme", "Acme Inc.", T0), await storage.Workspaces.FindAsync("acme", TestContext.Current.CancellationToken));
        Assert.Null(await storage.Workspaces.FindAsync("ACME", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Create_Existing_ReturnsFalseAndChangesNothing()
    {
        await using var storage = await TStorage.StartAsync("workspaces_duplicate");
        await storage.Workspaces.CreateAsync("acme", "Acme Inc.", T0, TestContext.Current.CancellationToken);

        Assert.False(await storage.Workspaces.CreateAsync("acme", "Someone else", T0.AddDays(1), TestContext.Current.CancellationToken));

        Assert.Equal(new WorkspaceInfo("acme", "Acme Inc.", T0), Assert.Single(await storage.Workspaces.ListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task List_InOrdinalOrderOfId()
    {
        await using var storage = await TStorage.StartAsync("workspaces_list");
        foreach (var id in new[] { "b", "B", "a", "_x", "a-b" })
        {
            await storage.Workspaces.CreateAsync(id, id.ToUpperInvariant(), T0, TestContext.Current.CancellationToken);
        }

        var listed = await storage.Workspaces.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["B", "_x", "a", "a-b", "b"], listed.Select(w => w.WorkspaceId));
    }
}
