namespace ActorSegments.MlCheck;

/// <summary>
/// Command-line settings: <c>--data PATH</c> (the Online Retail CSV, plain or gzipped), <c>--out DIR</c> (where the
/// CSVs for the scikit-learn peer go) and <c>--quick</c> (every <see cref="QuickEvery"/>th customer only, a smoke test).
/// </summary>
internal sealed record MlCheckOptions(string DataPath, string OutputDirectory, bool Quick)
{
    /// <summary>The data lives next to the repository, never inside it.</summary>
    public const string DefaultDataPath = "../shared/data/online-retail/online-retail.csv.gz";

    /// <summary>With --quick, one customer in this many (in order of first appearance) is kept.</summary>
    public const int QuickEvery = 8;

    private const string Usage = "usage: ActorSegments.MlCheck [--data PATH] [--out DIR] [--quick]";

    /// <exception cref="ArgumentException">An unknown argument or a value missing.</exception>
    public static MlCheckOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? data = null, output = null;
        var quick = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data":
                    data = Value(args, ++i);
                    break;
                case "--out":
                    output = Value(args, ++i);
                    break;
                case "--quick":
                    quick = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return new MlCheckOptions(
            Path.GetFullPath(data ?? Path.Combine(repositoryRoot, DefaultDataPath)),
            Path.GetFullPath(output ?? Path.Combine(Path.GetTempPath(), "actorsegments-ml-check")),
            quick);
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

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value. {Usage}");
}
