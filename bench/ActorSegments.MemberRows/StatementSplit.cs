using System.Globalization;
using ActorSegments.Postgres;
using Npgsql;

namespace ActorSegments.MemberRows;

/// <summary>
/// The backend CPU of each statement of the journal's transaction, measured where it is spent: each writer runs the
/// statements one round trip at a time on its own connection and reads its backend's on-CPU time
/// (<c>/proc/PID/schedstat</c>, in nanoseconds) before and after each. Unlike the instance's CPU over a run, this is
/// not blurred by the machine's other load, by group sizes or by background processes (which it leaves out: WAL
/// writing and checkpoints are in the variants' figures).
/// </summary>
internal sealed class StatementSplit(BenchDatabase database, ProductStatements sql, Settings settings)
{
    public const string Copy = "copy", Transaction = "begin, commit, notify";

    public async Task<SplitResult> RunAsync(int round, int changes)
    {
        await database.ResetAsync();
        var variant = new Variant("split", changes, true, Statements.All);
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "member-rows", SearchPath = BenchDatabase.Scratch };
        await using var pool = PostgresDataSource.Create(connection.ConnectionString, "member-rows-split");
        var writer = new StatementWriter(pool, sql, Statements.All);
        var batchSize = settings.Callers / settings.Writers;
        var nanoseconds = new Dictionary<string, long>(StringComparer.Ordinal);
        long commits = 0;
        var measuring = false;
        var stop = false;

        var load = Enumerable.Range(0, settings.Writers).Select(loop => Task.Run(async () =>
        {
            await using var session = await pool.OpenConnectionAsync();
            await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", session);
            var backend = (int)(await pid.ExecuteScalarAsync())!;
            var spent = new Dictionary<string, long>(StringComparer.Ordinal);

            async Task TimedAsync(string part, Func<Task> action)
            {
                var before = OnCpu(backend);
                await action();
                spent[part] = spent.GetValueOrDefault(part) + OnCpu(backend) - before;
            }

            for (var turn = 0; !Volatile.Read(ref stop); turn++)
            {
                var batch = Enumerable.Range(loop * batchSize, batchSize)
                    .Select(caller => CommitShape.Make(variant, settings.Workspace, $"r{round}-split-c{caller}", caller, turn, settings.Segments))
                    .ToList();
                // A transaction counts when it starts after the warm-up; what earlier ones spent is dropped.
                var counted = Volatile.Read(ref measuring);

                NpgsqlTransaction? transaction = null;
                await TimedAsync(Transaction, async () =>
                {
                    transaction = await session.BeginTransactionAsync();
                    await using var limit = new NpgsqlCommand(sql.StatementTimeout, session, transaction);
                    await limit.ExecuteNonQueryAsync();
                });
                await TimedAsync(Copy, () => StatementWriter.CopyAsync(session, sql, batch));
                foreach (var (part, command) in writer.Commands(batch))
                {
                    await TimedAsync(part, async () =>
                    {
                        await using var single = new NpgsqlBatch(session, transaction);
                        single.BatchCommands.Add(command);
                        await single.ExecuteNonQueryAsync();
                    });
                }

                await TimedAsync(Transaction, async () =>
                {
                    await transaction!.CommitAsync();
                    await transaction.DisposeAsync();
                    await writer.NotifyAsync(session, batch);
                });
                if (counted)
                {
                    Interlocked.Add(ref commits, batch.Count);
                }
                else
                {
                    spent.Clear();
                }
            }

            lock (nanoseconds)
            {
                foreach (var (part, ns) in spent)
                {
                    nanoseconds[part] = nanoseconds.GetValueOrDefault(part) + ns;
                }
            }
        })).ToList();

        await Task.Delay(settings.Warmup);
        Volatile.Write(ref measuring, true);
        await Task.Delay(settings.Measured);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(load);
        return new SplitResult(round, changes, commits, nanoseconds);
    }

    // The first field of schedstat: nanoseconds the task has run on a CPU. A backend is one process of one thread.
    private static long OnCpu(int pid) =>
        long.Parse(File.ReadAllText($"/proc/{pid}/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);
}
