using System.CommandLine;
using ActorSegments.BenchSupport;

namespace ActorSegments.MlCheck;

/// <summary>
/// Command-line settings: <c>--data PATH</c> (the Online Retail CSV, plain or gzipped), <c>--out DIR</c> (where the
/// CSVs for the scikit-learn peer go) and <c>--quick</c> (every <see cref="QuickEvery"/>th customer only, a smoke test).
/// Exit codes of the check: 0 after a run, 2 for a wrong command line or no data at the path (nothing ran).
/// </summary>
internal sealed record MlCheckOptions(string DataPath, string OutputDirectory, bool Quick)
{
    /// <summary>The data lives next to the repository, never inside it.</summary>
    public const string DefaultDataPath = "../shared/data/online-retail/online-retail.csv.gz";

    /// <summary>With --quick, one customer in this many (in order of first appearance) is kept.</summary>
    public const int QuickEvery = 8;

    /// <summary>
    /// The options of <paramref name="args"/>, paths resolved against <paramref name="repositoryRoot"/> and the
    /// temporary directory; null when the check must not run (help asked for, or a wrong command line, reported on
    /// <paramref name="error"/>), with the exit code in <paramref name="exitCode"/>: 2 for a wrong command line.
    /// </summary>
    public static MlCheckOptions? Parse(IReadOnlyList<string> args, string repositoryRoot, TextWriter output, TextWriter error, out int exitCode)
    {
        var data = new Option<string>("--data") { Description = $"The Online Retail CSV, plain or gzipped (default {DefaultDataPath} from the repository)", HelpName = "PATH" };
        var outputDirectory = new Option<string>("--out") { Description = "Where the rows for the scikit-learn peer go", HelpName = "DIR" };
        var quick = new Option<bool>("--quick") { Description = $"One customer in {QuickEvery} only (a smoke test)" };
        var root = new RootCommand("Runs the project's cohorts, propensity and recommendations on the UCI Online Retail data") { data, outputDirectory, quick };
        var parse = BenchCommandLine.Parse(root, args, output, error, out exitCode);
        return parse is null ? null : new MlCheckOptions(
            Path.GetFullPath(parse.GetValue(data) ?? Path.Combine(repositoryRoot, DefaultDataPath)),
            Path.GetFullPath(parse.GetValue(outputDirectory) ?? Path.Combine(Path.GetTempPath(), "actorsegments-ml-check")),
            parse.GetValue(quick));
    }

    /// <summary>The directory holding ActorSegments.sln at or above <paramref name="start"/>; the start itself when none does.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorSegments.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
