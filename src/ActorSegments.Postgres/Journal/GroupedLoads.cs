using System.Threading.Channels;
using ActorSegments.Domain.Storage;
using Npgsql;

namespace ActorSegments.Postgres.Journal;

/// <summary>
/// Customer loads grouped like commits: loads queue up while the previous read runs, and a reader takes everything
/// queued (up to <see cref="JournalOptions.MaxLoadGroup"/>) into one statement. A lone load is one round trip as
/// before; a thousand customers activating at once (a restart, a backfill, a burst of new customers) share a few.
/// </summary>
internal sealed class GroupedLoads : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxGroup;
    private readonly Channel<PendingLoad> _queue = Channel.CreateUnbounded<PendingLoad>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _readers;

    public GroupedLoads(NpgsqlDataSource dataSource, JournalOptions options)
    {
        _dataSource = dataSource;
        _maxGroup = options.MaxLoadGroup;
        _readers = [.. Enumerable.Range(0, options.Readers).Select(_ => Task.Run(ReadLoopAsync))];
    }

    public Task<CustomerRecord> LoadAsync(string workspaceId, string customerId, CancellationToken cancellationToken)
    {
        var pending = new PendingLoad(workspaceId, customerId);
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException<CustomerRecord>(new ObjectDisposedException(nameof(PostgresCustomerJournal)));
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_readers).ConfigureAwait(false);
    }

    private async Task ReadLoopAsync()
    {
        var group = new List<PendingLoad>(_maxGroup);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < _maxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            if (group.Count == 0)
            {
                continue;
            }

            try
            {
                var records = await CustomerRecordQuery.ReadAsync(_dataSource, [.. group.Select(p => (p.WorkspaceId, p.CustomerId))], CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Completion.TrySetResult(records[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var pending in group)
                {
                    pending.Completion.TrySetException(ex);
                }
            }
        }
    }

    private sealed class PendingLoad(string workspaceId, string customerId)
    {
        public string WorkspaceId { get; } = workspaceId;

        public string CustomerId { get; } = customerId;

        // Continuations run off the reader loop, so activations never delay the next read.
        public TaskCompletionSource<CustomerRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
