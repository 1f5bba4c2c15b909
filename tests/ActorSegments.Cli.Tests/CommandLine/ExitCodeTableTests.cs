using System.Reflection;
using System.Text.RegularExpressions;

namespace ActorSegments.Cli.Tests.CommandLine;

/// <summary>The README's exit-code table and <see cref="ExitCodes"/> are one list: same codes, nothing missing.</summary>
public sealed partial class ExitCodeTableTests
{
    [Fact]
    public void ReadmeTable_ListsEveryCodeOnceAndNothingElse()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var table = readme[readme.IndexOf("| Exit code |", StringComparison.Ordinal)..];
        var documented = TableRow().Matches(table.Split("\n\n")[0]).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var defined = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!).Order().ToArray();

        Assert.Equal(defined, documented);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorSegments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no ActorSegments.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| `?(\d+)`? \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
