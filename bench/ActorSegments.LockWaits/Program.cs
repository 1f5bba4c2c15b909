using System.Globalization;
using ActorSegments.Domain.Storage;
using ActorSegments.LockWaits;
using ActorSegments.Postgres;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Usage: ActorSegments.LockWaits --postgres "<server connection string>" --database <name> [--label <name>]
//        [--journals 3] [--writers 2] [--callers 256] [--segments 50] [--warmup 3] [--seconds 15]
// Creates and migrates the database when needed, defines the segments in a fresh workspace, then runs one load:
// --journals journals (a connection pool each, as each silo has) with --writers writers each take commits from
// --callers customers; after --warmup seconds, for --seconds, the journal sessions are sampled every 50 ms. Prints one
// tab-separated line of figures, after a header line; bench/lock-waits.sh repeats runs and takes medians.
var label = Arg("--label") ?? "run";
var database = Arg("--database") ?? throw new ArgumentException("--database <name> is required");
var server = Arg("--postgres") ?? throw new ArgumentException("--postgres <connection string> is required");
var journalCount = Number("--journals", 3);
var writers = Number("--writers", 2);
var callers = Number("--callers", 256);
var segments = Number("--segments", 50);
var warmup = TimeSpan.FromSeconds(Number("--warmup", 3));
var measured = TimeSpan.FromSeconds(Number("--seconds", 15));
const string JournalSessions = "lockwaits-journal";

await using (var admin = NpgsqlDataSource.Create(server))
{
    await using var exists = admin.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = $1");
    exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
    if ((long)(await exists.ExecuteScalarAsync())! == 0)
    {
        await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\"");
        await create.ExecuteNonQueryAsync();
    }
}

var target = new NpgsqlConnectionStringBuilder(server) { Database = database };
await using var control = NpgsqlDataSource.Create(target.ConnectionString);
await new SchemaMigrator(control, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
var workspace = $"lw-{Guid.NewGuid():N}";
for (var s = 0; s < segments; s++)
{
    await using var define = control.CreateCommand("INSERT INTO segment_definitions (workspace_id, segment_id, rule, version, status) VALUES ($1, $2, 'did(purchase)', 1, 3)");
    define.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workspace });
    define.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JournalLoad.SegmentId(s) });
    await define.ExecuteNonQueryAsync();
}

var journalTarget = new NpgsqlConnectionStringBuilder(target.ConnectionString) { ApplicationName = JournalSessions };
var pools = Enumerable.Range(0, journalCount).Select(j => PostgresDataSource.Create(journalTarget.ConnectionString, $"journal{j}")).ToList();
var journals = pools.Select(pool => new PostgresCustomerJournal(pool, new JournalOptions { Writers = writers }, NullLogger<PostgresCustomerJournal>.Instance)).ToList();

using var measureFrom = new CancellationTokenSource(warmup);
using var stop = new CancellationTokenSource(warmup + measured);
var load = JournalLoad.RunAsync(journals.Cast<ICustomerJournal>().ToList(), workspace, segments, callers, measureFrom.Token, stop.Token);
await Task.Delay(warmup);
var waits = await new LockWaitSampler(control, JournalSessions, TimeSpan.FromMilliseconds(50)).RunAsync(stop.Token);
var commits = await load;
foreach (var journal in journals)
{
    await journal.DisposeAsync();
}

foreach (var pool in pools)
{
    await pool.DisposeAsync();
}

// What the journal sessions did, for reading the figures (stderr: the script keeps only the line of figures).
foreach (var (wait, count) in waits.ByWait.OrderByDescending(w => w.Value))
{
    Console.Error.WriteLine($"  {label}: {wait} {waits.Share(count):P1}");
}

string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
Console.WriteLine("label\tcommits_per_s\trow_lock_wait_share\tlock_wait_share\tnot_granted_share\twal_flush_share\tin_transaction_per_sample\tsamples");
Console.WriteLine(string.Join('\t',
    label,
    F(commits / measured.TotalSeconds),
    F(waits.Share(waits.RowLockWaits)),
    F(waits.Share(waits.LockWaits)),
    F(waits.Share(waits.NotGranted)),
    F(waits.Share(waits.WalFlush)),
    F(waits.Samples == 0 ? 0 : (double)waits.InTransaction / waits.Samples),
    waits.Samples));

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int Number(string name, int fallback) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
