using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using Npgsql;
using NpgsqlTypes;

namespace ActorSegments.MemberRows;

/// <summary>
/// Writes a batch of commits as the journal's transaction does (statement timeout, binary COPY of the events, then the
/// membership, registry, wake-up and count statements in one round trip, the commit, the feed notification), but runs
/// only the membership statements it is told to, against the tables its connections' search path finds (the scratch
/// schema). Each customer appears once per batch, so the members need no last-change-per-key folding.
/// </summary>
internal sealed class StatementWriter(NpgsqlDataSource dataSource, ProductStatements sql, Statements included)
{
    /// <summary>What a statement is part of, for <see cref="StatementSplit"/>.</summary>
    public const string Log = "log", Members = "members", Registry = "registry", WakeUps = "wake-ups", Counts = "counts";

    public async Task WriteAsync(IReadOnlyList<CustomerCommit> commits)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var limit = new NpgsqlCommand(sql.StatementTimeout, connection, transaction))
        {
            await limit.ExecuteNonQueryAsync();
        }

        await CopyAsync(connection, sql, commits);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (_, command) in Commands(commits))
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await NotifyAsync(connection, commits);
    }

    /// <summary>The statements after the COPY, in the journal's order, each with the part it belongs to.</summary>
    public List<(string Part, NpgsqlBatchCommand Command)> Commands(IReadOnlyList<CustomerCommit> commits)
    {
        var commands = new List<(string, NpgsqlBatchCommand)>();
        var changes = commits.SelectMany(c => c.Changes.Select(change => (c.WorkspaceId, c.CustomerId, Change: change))).ToList();
        if (changes.Count > 0 && included.HasFlag(Statements.Log))
        {
            commands.Add((Log, Command(sql.InsertLog,
                changes.Select(c => c.WorkspaceId).ToArray(), changes.Select(c => c.Change.SegmentId).ToArray(),
                changes.Select(c => c.CustomerId).ToArray(), changes.Select(c => c.Change.Entered).ToArray(),
                changes.Select(c => UnixTime.ToDateTimeOffset(c.Change.At).UtcDateTime).ToArray(), changes.Select(c => (short)c.Change.Cause).ToArray())));
        }

        if (included.HasFlag(Statements.Members))
        {
            var entered = changes.Where(c => c.Change.Entered).ToList();
            if (entered.Count > 0)
            {
                commands.Add((Members, Command(sql.UpsertMembers,
                    entered.Select(c => c.WorkspaceId).ToArray(), entered.Select(c => c.Change.SegmentId).ToArray(),
                    entered.Select(c => c.CustomerId).ToArray(), entered.Select(c => UnixTime.ToDateTimeOffset(c.Change.At).UtcDateTime).ToArray())));
            }

            var exited = changes.Where(c => !c.Change.Entered).ToList();
            if (exited.Count > 0)
            {
                commands.Add((Members, Command(sql.DeleteMembers,
                    exited.Select(c => c.WorkspaceId).ToArray(), exited.Select(c => c.Change.SegmentId).ToArray(), exited.Select(c => c.CustomerId).ToArray())));
            }
        }

        var added = commits.Where(c => c.Entries[0].Sequence == 1).ToList();
        if (added.Count > 0)
        {
            commands.Add((Registry, Command(sql.RegisterCustomers, added.Select(c => c.WorkspaceId).ToArray(), added.Select(c => c.CustomerId).ToArray())));
        }

        var woken = commits.Where(c => c.WakeUpAt is not null).ToList();
        if (woken.Count > 0)
        {
            commands.Add((WakeUps, Command(sql.UpsertWakeUps,
                woken.Select(c => c.WorkspaceId).ToArray(), woken.Select(c => c.CustomerId).ToArray(),
                woken.Select(c => UnixTime.ToDateTimeOffset(c.WakeUpAt!.Value).UtcDateTime).ToArray())));
        }

        var deltas = changes.GroupBy(c => (c.WorkspaceId, c.Change.SegmentId))
            .Select(g => (g.Key.WorkspaceId, g.Key.SegmentId, Delta: g.Sum(c => c.Change.Entered ? 1L : -1L)))
            .Where(d => d.Delta != 0)
            .ToList();
        if (deltas.Count > 0 && included.HasFlag(Statements.Counts))
        {
            var workspaces = deltas.Select(d => d.WorkspaceId).ToArray();
            var segments = deltas.Select(d => d.SegmentId).ToArray();
            commands.Add((Counts, Command(sql.LockCounts, workspaces, segments)));
            commands.Add((Counts, Command(sql.AddToCounts, workspaces, segments, deltas.Select(d => d.Delta).ToArray())));
        }

        return commands;
    }

    public async Task NotifyAsync(NpgsqlConnection connection, IReadOnlyList<CustomerCommit> commits)
    {
        if (commits.Any(c => c.Changes.Count > 0))
        {
            await using var notify = new NpgsqlCommand(sql.NotifyFeed, connection);
            notify.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. commits.Select(c => c.WorkspaceId).Distinct(StringComparer.Ordinal)] });
            await notify.ExecuteNonQueryAsync();
        }
    }

    public static async Task CopyAsync(NpgsqlConnection connection, ProductStatements sql, IReadOnlyList<CustomerCommit> commits)
    {
        await using var importer = await connection.BeginBinaryImportAsync(sql.CopyJournal);
        foreach (var commit in commits)
        {
            foreach (var entry in commit.Entries)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(commit.WorkspaceId, NpgsqlDbType.Text);
                await importer.WriteAsync(commit.CustomerId, NpgsqlDbType.Text);
                await importer.WriteAsync(entry.Sequence, NpgsqlDbType.Bigint);
                await importer.WriteAsync(entry.AppliedAt, NpgsqlDbType.Bigint);
                // The bench commits behavioral events only, so kind and event_type are those of a CustomerEvent.
                var evt = (CustomerEvent)entry.Record;
                await importer.WriteAsync(evt.EventId, NpgsqlDbType.Text);
                await importer.WriteAsync((short)evt.Kind, NpgsqlDbType.Smallint);
                await importer.WriteAsync(evt.Type, NpgsqlDbType.Text);
                await importer.WriteAsync(evt.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(JournalRecordCodec.Serialize(evt), NpgsqlDbType.Bytea);
            }
        }

        await importer.CompleteAsync();
    }

    private static NpgsqlBatchCommand Command(string text, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(text);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }

        return command;
    }
}
