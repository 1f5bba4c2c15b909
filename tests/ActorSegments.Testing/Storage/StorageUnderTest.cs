using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>
/// One storage implementation, fresh for one test: the ports under test and the real write path (journal commits,
/// segment definitions) that seeds them.
/// </summary>
public sealed class StorageUnderTest : IAsyncDisposable
{
    /// <summary>When seeded changes happen (Unix seconds).</summary>
    public const long T0 = 1_780_000_000;

    public required ICustomerJournal Journal { get; init; }

    public required ISegmentDefinitionStore Definitions { get; init; }

    public required IMembershipFeed Feed { get; init; }

    public required ICustomerRegistry Registry { get; init; }

    public required ISegmentMembers Members { get; init; }

    public required IApiKeyStore Keys { get; init; }

    public required IWorkspaceDirectory Workspaces { get; init; }

    public required ICustomerErasure Erasure { get; init; }

    public required IJournalRetention Retention { get; init; }

    public required ActorSegments.Domain.Catalog.ICatalogStore Catalog { get; init; }

    /// <summary>
    /// Waits until every change committed so far can be read from the feed. PostgreSQL holds changes back while an
    /// older transaction anywhere on the server still runs, which includes other tests' transactions.
    /// </summary>
    public Func<Task> SettleAsync { get; init; } = () => Task.CompletedTask;

    public Func<ValueTask> Release { get; init; } = () => ValueTask.CompletedTask;

    /// <summary>Defines segments, since members are only kept for segments that exist.</summary>
    public async Task DefineAsync(string workspaceId, params string[] segmentIds)
    {
        foreach (var segmentId in segmentIds)
        {
            await Definitions.SaveAsync(workspaceId, segmentId, "did(purchase)", null, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Commits one customer's membership changes, as a customer grain does.</summary>
    public Task ChangeAsync(string workspaceId, string customerId, params MembershipChange[] changes) =>
        Journal.CommitAsync(new CustomerCommit(workspaceId, customerId, [], changes, null), TestContext.Current.CancellationToken);

    public static MembershipChange Enter(string segmentId, long at) => new(segmentId, true, at, MembershipCause.Event);

    public static MembershipChange Exit(string segmentId, long at) => new(segmentId, false, at, MembershipCause.Time);

    public ValueTask DisposeAsync() => Release();
}
