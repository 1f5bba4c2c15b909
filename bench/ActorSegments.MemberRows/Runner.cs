using System.Diagnostics;
using ActorSegments.Load;
using ActorSegments.Postgres;
using ActorSegments.Postgres.Journal;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ActorSegments.MemberRows;

/// <summary>
/// Runs one variant in closed loop: the journal variants with <see cref="Settings.Callers"/> customers each committing
/// as soon as its previous commit completed (so group commits form as in a silo), the plain-SQL ones with
/// <see cref="Settings.Writers"/> writers each writing transactions of callers / writers commits (the journal's group
/// size at that load). CPU, WAL and commits are counted from the end of the warm-up until the last commit completes.
/// </summary>
internal sealed class Runner(BenchDatabase database, ProductStatements statements, Settings settings, int postmasterPid, FlushCounter flushes)
{
    public async Task<RunResult> RunAsync(Variant variant, int round)
    {
        await database.ResetAsync();
        var prefix = $"r{round}-{variant.Name}-c";
        long measured = 0, all = 0, transactions = 0;
        var measuring = false;
        var stop = false;
        var loops = variant.Sql is null ? settings.Callers : settings.Writers;
        var batchSize = settings.Callers / settings.Writers;

        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "member-rows" };
        if (variant.Sql is not null)
        {
            connection.SearchPath = BenchDatabase.Scratch;
        }

        await using var pool = PostgresDataSource.Create(connection.ConnectionString, "member-rows");
        var journal = variant.Sql is null ? new PostgresCustomerJournal(pool, new JournalOptions { Writers = settings.Writers }, NullLogger<PostgresCustomerJournal>.Instance) : null;
        var writer = variant.Sql is { } included ? new StatementWriter(pool, statements, included) : null;

        async Task<int> StepAsync(int loop, int turn)
        {
            if (journal is not null)
            {
                await journal.CommitAsync(CommitShape.Make(variant, settings.Workspace, $"{prefix}{loop}", loop, turn, settings.Segments));
                return 1;
            }

            var commits = Enumerable.Range(loop * batchSize, batchSize)
                .Select(caller => CommitShape.Make(variant, settings.Workspace, $"{prefix}{caller}", caller, turn, settings.Segments))
                .ToList();
            await writer!.WriteAsync(commits);
            return commits.Count;
        }

        var load = Enumerable.Range(0, loops).Select(loop => Task.Run(async () =>
        {
            for (var turn = 0; !Volatile.Read(ref stop); turn++)
            {
                var done = await StepAsync(loop, turn);
                Interlocked.Add(ref all, done);
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Add(ref measured, done);
                    Interlocked.Increment(ref transactions);
                }
            }
        })).ToList();

        await Task.Delay(settings.Warmup);
        var watches = new Dictionary<string, int> { ["postgres"] = postmasterPid };
        var cpuBefore = ProcessCpu.Read(watches);
        var walBefore = await database.WalPositionAsync();
        var flushesBefore = flushes.Read();
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(settings.Measured);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(load);
        var elapsed = clock.Elapsed;
        var cpuAfter = ProcessCpu.Read(watches);
        var walAfter = await database.WalPositionAsync();
        var flushesAfter = flushes.Read();
        if (journal is not null)
        {
            await journal.DisposeAsync();
            // The journal's own count of its transactions, not the commits' (which are not transactions).
            transactions = flushesAfter.Transactions - flushesBefore.Transactions;
        }

        var rows = await database.RowsAsync(variant.Sql is null ? "public" : BenchDatabase.Scratch);
        return new RunResult(variant, round, measured, elapsed,
            cpuAfter["postgres"] - cpuBefore["postgres"], cpuAfter["generator"] - cpuBefore["generator"],
            walAfter - walBefore, transactions, all, rows.Journal, rows.Log, rows.WakeUps);
    }
}
