using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActorSegments.Postgres.Journal;

/// <summary>
/// The customer journal on PostgreSQL, by group commit: commits from many customers queue up while the previous
/// transaction runs, and the writer takes everything queued into the next transaction (events by binary COPY,
/// membership changes, members, registry, wake-ups and snapshots by array statements). Loads are grouped the same way
/// (<see cref="GroupedLoads"/>). Each commit completes when its
/// transaction has committed, or fails with the transaction's error. The queue is bounded: past
/// <see cref="JournalOptions.MaxPendingCommits"/> a commit is refused at once instead of waiting.
/// </summary>
public sealed partial class PostgresCustomerJournal : ICustomerJournal, IWakeUpSchedule, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly JournalOptions _options;
    private readonly ILogger<PostgresCustomerJournal> _logger;
    private readonly Channel<PendingCommit> _queue;
    private readonly Task[] _writers;
    private readonly GroupedLoads _loads;
    private readonly CountSlotFolding _folding;
    private readonly JournalMetrics _metrics;
    private int _disposed;

    public PostgresCustomerJournal(
        NpgsqlDataSource dataSource, JournalOptions options, ILogger<PostgresCustomerJournal> logger, TimeProvider? timeProvider = null, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _options = options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _queue = Channel.CreateBounded<PendingCommit>(new BoundedChannelOptions(options.MaxPendingCommits)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = options.Writers == 1,
        });
        _metrics = new JournalMetrics(meters);
        _folding = new CountSlotFolding(dataSource, options.CountFoldInterval, timeProvider ?? TimeProvider.System, logger);
        _writers = Enumerable.Range(0, options.Writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
        _loads = new GroupedLoads(dataSource, options);
    }

    public Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var pending = new PendingCommit(commit);
        if (_queue.Writer.TryWrite(pending))
        {
            _metrics.Enqueued();
        }
        else
        {
            return Volatile.Read(ref _disposed) == 1
                ? Task.FromException(new ObjectDisposedException(nameof(PostgresCustomerJournal)))
                : Task.FromException(new JournalOverloadedException());
        }

        return pending.Completion.Task;
    }

    public async Task SaveSnapshotAsync(string workspaceId, string customerId, StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // Waits for room instead of being refused: snapshots come in waves (a silo shutting down writes one per active
        // customer) and are worth the wait, while nobody's request waits on them.
        var pending = new PendingCommit(new CustomerCommit(workspaceId, customerId, [], [], null, snapshot));
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        _metrics.Enqueued();
        await pending.Completion.Task.ConfigureAwait(false);
    }

    public Task<CustomerRecord> LoadAsync(string workspaceId, string customerId, CancellationToken cancellationToken = default) =>
        _loads.LoadAsync(workspaceId, customerId, cancellationToken);

    public async Task<IReadOnlyDictionary<string, CustomerRecord>> LoadManyAsync(string workspaceId, IReadOnlyList<string> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var found = new Dictionary<string, CustomerRecord>(StringComparer.Ordinal);
        foreach (var chunk in customerIds.Distinct(StringComparer.Ordinal).Chunk(_options.MaxLoadGroup * 4))
        {
            var records = await CustomerRecordQuery.ReadAsync(_dataSource, [.. chunk.Select(c => (workspaceId, c))], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!records[i].IsEmpty)
                {
                    found[chunk[i]] = records[i];
                }
            }
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<long, StoredRecordId>> EventIdsAtAsync(string workspaceId, string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        // Point reads through the key, however long the customer's journal: no index on event ids is kept, because
        // every event would pay for it and only retries (and about one new event in a billion) read one.
        await using var command = _dataSource.CreateCommand(
            "SELECT sequence, event_id, kind FROM customer_journal WHERE workspace_id = $1 AND customer_id = $2 AND sequence = ANY($3)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. sequences] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<long, StoredRecordId>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[reader.GetInt64(0)] = new StoredRecordId(reader.GetString(1), (JournalRecordKind)reader.GetInt16(2));
        }

        return found;
    }

    public async Task<IReadOnlyList<DueWakeUp>> ClaimDueAsync(long now, int limit, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        // SKIP LOCKED lets every silo sweep at once without waiting on or double-claiming each other's rows.
        await using var command = _dataSource.CreateCommand("""
            UPDATE customer_wakeups w SET claimed_until = $2
            FROM (SELECT workspace_id, customer_id FROM customer_wakeups
                  WHERE due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                  ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED) d
            WHERE w.workspace_id = d.workspace_id AND w.customer_id = d.customer_id
            RETURNING w.workspace_id, w.customer_id, w.due_at
            """);
        var at = DateTimeOffset.FromUnixTimeSeconds(now);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at + claimFor });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<DueWakeUp>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueWakeUp(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2).ToUnixTimeSeconds()));
        }

        return due;
    }

    /// <summary>Stops taking commits, lets the writers finish what is queued, then stops. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
        await _loads.DisposeAsync().ConfigureAwait(false);
        await _folding.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingCommit>(_options.MaxBatchCommits);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var rows = 0;
            long snapshotBytes = 0;
            while (batch.Count < _options.MaxBatchCommits && rows < _options.MaxBatchRows && snapshotBytes < _options.MaxBatchSnapshotBytes &&
                _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                rows += pending.Commit.Entries.Count + pending.Commit.Changes.Count;
                snapshotBytes += pending.Commit.Snapshot?.Body.Length ?? 0;
            }

            if (batch.Count == 0)
            {
                continue;
            }

            _metrics.Dequeued(batch.Count);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await JournalBatchWriter.WriteAsync(_dataSource, batch.Select(p => p.Commit).ToList(), CancellationToken.None).ConfigureAwait(false);
                _metrics.Flushed(Stopwatch.GetElapsedTime(started), batch.Count, rows, batch.Sum(p => p.Commit.Entries.Count));
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                _metrics.Failed(Stopwatch.GetElapsedTime(started));
                LogCommitFailed(ex, batch.Count, rows);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(new JournalCommitException("The journal transaction failed; nothing of this commit is known to be stored.", ex));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal commit of {Commits} customer commits ({Rows} rows) failed; none of them is acknowledged")]
    private partial void LogCommitFailed(Exception exception, int commits, int rows);

    private sealed class PendingCommit(CustomerCommit commit)
    {
        public CustomerCommit Commit { get; } = commit;

        // Continuations run off the writer loop, so a slow grain never delays the next transaction.
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
