using System.Globalization;
using ActorSegments.MemberRows;

// Usage: ActorSegments.MemberRows --postgres "<server connection string>" --postmaster <pid> [--database member_rows]
//        [--rounds 3] [--variants events,m1,...] [--callers 256] [--writers 2] [--segments 50] [--warmup 3] [--seconds 10]
//        [--split-changes 3]   (--variants none: only the statement splits)
// Creates the database afresh (migrated by the product's migrator, plus a scratch schema), then runs every variant once
// per round, the order rotated from round to round, each run starting from emptied tables and a checkpoint. Prints
// the runs, the medians by variant and the marginal costs as markdown; progress on stderr. After each round, unless
// --split-changes is 0, a statement split (StatementSplit) with that many changes and a wake-up move per commit.
var server = Arg("--postgres") ?? throw new ArgumentException("--postgres <connection string> is required");
var postmaster = Number("--postmaster", 0);
if (postmaster <= 0)
{
    throw new ArgumentException("--postmaster <pid> (the PostgreSQL server's postmaster, whose CPU with its backends is measured) is required");
}

// "none": only the statement splits.
var names = Arg("--variants") is "none" ? [] : (Arg("--variants") ?? string.Join(',', Variant.All.Select(v => v.Name))).Split(',', StringSplitOptions.RemoveEmptyEntries);
var unknown = names.Where(n => Variant.All.All(v => v.Name != n)).ToList();
if (unknown.Count > 0)
{
    throw new ArgumentException($"unknown variant(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Variant.All.Select(v => v.Name))}");
}

var variants = Variant.All.Where(v => names.Contains(v.Name)).ToList();
var rounds = Number("--rounds", 3);
var settings = new Settings($"mr-{Guid.NewGuid():N}", Number("--callers", 256), Number("--writers", 2), Number("--segments", 50),
    TimeSpan.FromSeconds(Number("--warmup", 3)), TimeSpan.FromSeconds(Number("--seconds", 10)));
if (settings.Segments is < 3 or > 100 || settings.Callers % settings.Writers != 0)
{
    throw new ArgumentException("--segments must be 3..100 and --callers a multiple of --writers");
}

var database = await BenchDatabase.CreateAsync(server, Arg("--database") ?? "member_rows", settings.Workspace, settings.Segments);
using var flushes = new FlushCounter();
var statements = ProductStatements.Load();
var runner = new Runner(database, statements, settings, postmaster, flushes);
// One unmeasured run per path first, the one with the most statements: the first run in the process would otherwise
// also pay for compiling the code (the bench's and Npgsql's) and for PostgreSQL's first plans.
foreach (var primer in variants.GroupBy(v => v.Sql is null).Select(g => g.MaxBy(v => v.Changes + (v.WakeUpMoves ? 1 : 0))!))
{
    await runner.RunAsync(primer, round: 0);
}

var runs = new List<RunResult>();
var splits = new List<SplitResult>();
var split = new StatementSplit(database, statements, settings);
var splitChanges = Number("--split-changes", 3);
for (var round = 1; round <= rounds; round++)
{
    // Rotated, so no variant always runs first (or right after the same neighbour) in a round.
    var first = variants.Count == 0 ? 0 : (round - 1) % variants.Count;
    foreach (var variant in variants.Skip(first).Concat(variants.Take(first)))
    {
        var run = await runner.RunAsync(variant, round);
        Console.Error.WriteLine($"[member-rows] round {round}/{rounds} {variant.Name}: {run.CommitsPerSecond:0} commits/s, PG {run.PostgresMicrosPerCommit:0} µs/commit, bench {run.BenchMicrosPerCommit:0} µs/commit");
        runs.Add(run);
    }

    if (splitChanges > 0)
    {
        var measured = await split.RunAsync(round, splitChanges);
        Console.Error.WriteLine($"[member-rows] round {round}/{rounds} statement split: backend {measured.MicrosPerCommit:0} µs/commit");
        splits.Add(measured);
    }
}

Report.Print(runs, splits, settings);

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int Number(string name, int fallback) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
