using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.Postgres.Journal;

/// <summary>Writes a batch of customer commits in one transaction.</summary>
internal static class JournalBatchWriter
{
    private const string CopyJournal =
        "COPY customer_journal (workspace_id, customer_id, sequence, applied_at, event_id, kind, event_type, occurred_at, body) FROM STDIN (FORMAT BINARY)";

    private const string InsertLog = """
        INSERT INTO membership_log (workspace_id, segment_id, customer_id, entered, changed_at, cause)
        SELECT w, s, c, e, t, k FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::timestamptz[], $6::smallint[])
            WITH ORDINALITY AS x(w, s, c, e, t, k, n)
        ORDER BY n
        """;

    // Readers tailing the feed are woken once the transaction has committed. Sent after the commit, in a statement of
    // its own: a notifying transaction holds PostgreSQL's one global notify lock from its commit until its commit
    // record is flushed, so notifying inside the journal transaction made every writer of every silo take turns on
    // that lock (measured: the largest lock wait left once counts were sharded). A notification lost to a crash
    // right after the commit is covered by the readers' slow poll.
    private const string NotifyFeed = $"SELECT pg_notify('{Segments.PostgresFeedSignal.Channel}', w) FROM unnest($1::text[]) AS w";

    // Members and counts are kept only for segments that still exist: a customer may still report changes of a
    // segment deleted a moment ago (the log keeps them; the tables must not bring the segment back).
    private const string UpsertMembers = """
        INSERT INTO segment_members (workspace_id, segment_id, customer_id, since)
        SELECT x.* FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS x(w, s, c, t)
        WHERE EXISTS (SELECT 1 FROM segment_definitions d WHERE d.workspace_id = x.w AND d.segment_id = x.s)
        ON CONFLICT (workspace_id, segment_id, customer_id) DO UPDATE SET since = excluded.since
        """;

    private const string DeleteMembers = """
        DELETE FROM segment_members m USING unnest($1::text[], $2::text[], $3::text[]) AS x(w, s, c)
        WHERE m.workspace_id = x.w AND m.segment_id = x.s AND m.customer_id = x.c
        """;

    // Each transaction adds to its own count rows: the slot is its connection's backend, which no other running
    // transaction shares, so no two journal transactions ever update (and wait on) the same count row. The segments'
    // count locks are taken shared first, in a statement of their own, so a recount or deletion holding one
    // exclusively is waited for before this statement takes its snapshot (and sees a deleted definition).
    private const string LockCounts = Segments.SegmentCountLocks.Shared;

    private const string AddToCounts = """
        INSERT INTO segment_count_slots (workspace_id, segment_id, slot, members)
        SELECT w, s, pg_backend_pid(), d FROM unnest($1::text[], $2::text[], $3::bigint[]) AS x(w, s, d)
        WHERE EXISTS (SELECT 1 FROM segment_definitions sd WHERE sd.workspace_id = x.w AND sd.segment_id = x.s)
        ON CONFLICT (workspace_id, segment_id, slot) DO UPDATE SET members = segment_count_slots.members + excluded.members
        """;

    private const string RegisterCustomers = """
        INSERT INTO customers (workspace_id, customer_id)
        SELECT * FROM unnest($1::text[], $2::text[])
        ON CONFLICT DO NOTHING
        """;

    private const string UpsertWakeUps = """
        INSERT INTO customer_wakeups (workspace_id, customer_id, due_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
        ON CONFLICT (workspace_id, customer_id) DO UPDATE SET due_at = excluded.due_at, claimed_until = NULL
        """;

    private const string DeleteWakeUps = """
        DELETE FROM customer_wakeups w USING unnest($1::text[], $2::text[]) AS x(w, c)
        WHERE w.workspace_id = x.w AND w.customer_id = x.c
        """;

    // A snapshot never replaces a newer one: a customer's previous activation (on a silo that lost it) may still write.
    private const string UpsertSnapshots = """
        INSERT INTO customer_snapshots (workspace_id, customer_id, sequence, body)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bytea[])
        ON CONFLICT (workspace_id, customer_id) DO UPDATE SET sequence = excluded.sequence, body = excluded.body, written_at = now()
        WHERE customer_snapshots.sequence <= excluded.sequence
        """;

    // Experiment totals by slot, like the segment counts: each transaction adds to its own backend's rows (migration 0015).
    private const string AddToExperimentTotals = """
        INSERT INTO experiment_total_slots (workspace_id, experiment_id, arm, metric, assigned_hour, slot, customers, conversions, amount, amount_sq)
        SELECT w, e, a, m, h, pg_backend_pid(), n, x, s, q
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::float8[], $9::float8[]) AS d(w, e, a, m, h, n, x, s, q)
        ON CONFLICT (workspace_id, experiment_id, arm, metric, assigned_hour, slot) DO UPDATE SET
            customers = experiment_total_slots.customers + excluded.customers,
            conversions = experiment_total_slots.conversions + excluded.conversions,
            amount = experiment_total_slots.amount + excluded.amount,
            amount_sq = experiment_total_slots.amount_sq + excluded.amount_sq
        """;

    private static readonly string StatementTimeout =
        $"SET LOCAL statement_timeout = {(long)PostgresDataSource.IdleInTransactionLimit.TotalMilliseconds}";

    public static async Task WriteAsync(NpgsqlDataSource dataSource, IReadOnlyList<CustomerCommit> commits, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // A writer frozen in the middle of its COPY (a long pause, a partition) is not idle in its transaction, so the
        // session limit does not end it; this does, releasing the journal keys it inserted for customers that other
        // silos take over meanwhile. No healthy journal transaction comes near it.
        await using (var limit = new NpgsqlCommand(StatementTimeout, connection, transaction))
        {
            await limit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await CopyEntriesAsync(connection, commits, cancellationToken).ConfigureAwait(false);

        // Everything after the COPY goes in one round trip: the statements run in order, and any failure aborts the
        // transaction as before.
        await using var batch = new NpgsqlBatch(connection, transaction);
        AddMembership(batch, commits);
        AddNewCustomers(batch, commits);
        AddWakeUps(batch, commits);
        AddSnapshots(batch, commits);
        AddExperimentTotals(batch, commits);
        // Last, so the per-segment count locks (which a recount or a segment's deletion waits for) are held briefly.
        AddCountDeltas(batch, commits);
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await NotifyFeedAsync(connection, commits).ConfigureAwait(false);
    }

    private static async Task CopyEntriesAsync(NpgsqlConnection connection, IReadOnlyList<CustomerCommit> commits, CancellationToken cancellationToken)
    {
        if (!commits.Any(c => c.Entries.Count > 0))
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(CopyJournal, cancellationToken).ConfigureAwait(false);
        foreach (var commit in commits)
        {
            foreach (var entry in commit.Entries)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(commit.WorkspaceId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(commit.CustomerId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(entry.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(entry.AppliedAt, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                var record = entry.Record;
                await importer.WriteAsync(record.EventId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync((short)record.Kind, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                if (record is CustomerEvent evt)
                {
                    await importer.WriteAsync(evt.Type, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false); // event_type: not a behavioral event
                }

                await importer.WriteAsync(record.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(JournalRecordCodec.Serialize(record), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddMembership(NpgsqlBatch batch, IReadOnlyList<CustomerCommit> commits)
    {
        var log = commits.SelectMany(c => c.Changes.Select(change => (Commit: c, Change: change))).ToList();
        if (log.Count == 0)
        {
            return;
        }

        Add(batch, InsertLog,
            log.Select(l => l.Commit.WorkspaceId).ToArray(),
            log.Select(l => l.Change.SegmentId).ToArray(),
            log.Select(l => l.Commit.CustomerId).ToArray(),
            log.Select(l => l.Change.Entered).ToArray(),
            log.Select(l => UnixTime.ToDateTimeOffset(l.Change.At).UtcDateTime).ToArray(),
            log.Select(l => (short)l.Change.Cause).ToArray());

        // One array parameter: wrapped, or params would spread the strings into parameters of their own.

        // The members table needs only each (segment, customer)'s last change of the batch.
        var last = new Dictionary<(string Workspace, string Segment, string Customer), MembershipChange>();
        foreach (var (commit, change) in log)
        {
            last[(commit.WorkspaceId, change.SegmentId, commit.CustomerId)] = change;
        }

        var entered = last.Where(p => p.Value.Entered).ToList();
        if (entered.Count > 0)
        {
            Add(batch, UpsertMembers,
                entered.Select(p => p.Key.Workspace).ToArray(),
                entered.Select(p => p.Key.Segment).ToArray(),
                entered.Select(p => p.Key.Customer).ToArray(),
                entered.Select(p => UnixTime.ToDateTimeOffset(p.Value.At).UtcDateTime).ToArray());
        }

        var exited = last.Where(p => !p.Value.Entered).ToList();
        if (exited.Count > 0)
        {
            Add(batch, DeleteMembers,
                exited.Select(p => p.Key.Workspace).ToArray(),
                exited.Select(p => p.Key.Segment).ToArray(),
                exited.Select(p => p.Key.Customer).ToArray());
        }
    }

    private static async Task NotifyFeedAsync(NpgsqlConnection connection, IReadOnlyList<CustomerCommit> commits)
    {
        var workspaces = commits.Where(c => c.Changes.Count > 0).Select(c => c.WorkspaceId).Distinct(StringComparer.Ordinal).ToArray();
        if (workspaces.Length == 0)
        {
            return;
        }

        try
        {
            await using var notify = new NpgsqlCommand(NotifyFeed, connection);
            notify.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = workspaces });
            await notify.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The commit stands; readers find its changes at their next poll.
        }
    }

    internal static void AddCountDeltas(NpgsqlBatch batch, IReadOnlyList<CustomerCommit> commits)
    {
        var deltas = commits
            .SelectMany(c => c.Changes.Select(change => (c.WorkspaceId, change.SegmentId, Delta: change.Entered ? 1L : -1L)))
            .GroupBy(d => (d.WorkspaceId, d.SegmentId))
            .Select(g => (g.Key.WorkspaceId, g.Key.SegmentId, Delta: g.Sum(d => d.Delta)))
            .Where(d => d.Delta != 0)
            .ToList();
        if (deltas.Count > 0)
        {
            var workspaces = deltas.Select(d => d.WorkspaceId).ToArray();
            var segments = deltas.Select(d => d.SegmentId).ToArray();
            Add(batch, LockCounts, workspaces, segments);
            Add(batch, AddToCounts, workspaces, segments, deltas.Select(d => d.Delta).ToArray());
        }
    }

    private static void AddExperimentTotals(NpgsqlBatch batch, IReadOnlyList<CustomerCommit> commits)
    {
        // One row per key in the statement (an upsert cannot touch a row twice), so the batch's deltas are added up first.
        var totals = commits
            .SelectMany(c => c.OutcomeDeltas.Select(d => (c.WorkspaceId, Delta: d)))
            .GroupBy(d => (d.WorkspaceId, d.Delta.ExperimentId, d.Delta.Arm, Metric: d.Delta.Metric ?? string.Empty, d.Delta.AssignedHour))
            .Select(g => (g.Key, Customers: g.Sum(d => d.Delta.Customers), Conversions: g.Sum(d => d.Delta.Conversions),
                Sum: g.Sum(d => d.Delta.Sum), Squares: g.Sum(d => d.Delta.SumOfSquares)))
            .ToList();
        if (totals.Count > 0)
        {
            Add(batch, AddToExperimentTotals,
                totals.Select(t => t.Key.WorkspaceId).ToArray(),
                totals.Select(t => t.Key.ExperimentId).ToArray(),
                totals.Select(t => t.Key.Arm).ToArray(),
                totals.Select(t => t.Key.Metric).ToArray(),
                totals.Select(t => t.Key.AssignedHour).ToArray(),
                totals.Select(t => t.Customers).ToArray(),
                totals.Select(t => t.Conversions).ToArray(),
                totals.Select(t => t.Sum).ToArray(),
                totals.Select(t => t.Squares).ToArray());
        }
    }

    private static void AddNewCustomers(NpgsqlBatch batch, IReadOnlyList<CustomerCommit> commits)
    {
        // A customer's first commit carries its first journal entry; later commits need no registry write.
        var added = commits.Where(c => c.Entries.Count > 0 && c.Entries[0].Sequence == 1).ToList();
        if (added.Count > 0)
        {
            Add(batch, RegisterCustomers,
                added.Select(c => c.WorkspaceId).ToArray(),
                added.Select(c => c.CustomerId).ToArray());
        }
    }

    private static void AddWakeUps(NpgsqlBatch batch, IReadOnlyList<CustomerCommit> commits)
    {
        var scheduled = commits.Where(c => c.WakeUpAt is { } at && at != UnixTime.Never).ToList();
        if (scheduled.Count > 0)
        {
            Add(batch, UpsertWakeUps,
                scheduled.Select(c => c.WorkspaceId).ToArray(),
                scheduled.Select(c => c.CustomerId).ToArray(),
                scheduled.Select(c => UnixTime.ToDateTimeOffset(c.WakeUpAt!.Value).UtcDateTime).ToArray());
        }

        var cleared = commits.Where(c => c.WakeUpAt == UnixTime.Never).ToList();
        if (cleared.Count > 0)
        {
            Add(batch, DeleteWakeUps,
                cleared.Select(c => c.WorkspaceId).ToArray(),
                cleared.Select(c => c.CustomerId).ToArray());
        }
    }

    private static void AddSnapshots(NpgsqlBatch batch, IReadOnlyList<CustomerCommit> commits)
    {
        // One row per customer (an upsert cannot touch a row twice in one statement): the one with the newest sequence.
        var latest = new Dictionary<(string Workspace, string Customer), StoredSnapshot>();
        foreach (var commit in commits)
        {
            if (commit.Snapshot is { } snapshot &&
                (!latest.TryGetValue((commit.WorkspaceId, commit.CustomerId), out var held) || held.Sequence <= snapshot.Sequence))
            {
                latest[(commit.WorkspaceId, commit.CustomerId)] = snapshot;
            }
        }

        if (latest.Count > 0)
        {
            Add(batch, UpsertSnapshots,
                latest.Keys.Select(k => k.Workspace).ToArray(),
                latest.Keys.Select(k => k.Customer).ToArray(),
                latest.Values.Select(s => s.Sequence).ToArray(),
                latest.Values.Select(s => s.Body).ToArray());
        }
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }

        batch.BatchCommands.Add(command);
    }
}
