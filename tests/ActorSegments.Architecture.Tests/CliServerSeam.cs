using System.Text.RegularExpressions;

namespace ActorSegments.Architecture.Tests;

/// <summary>
/// The CLI references the server project only so <c>demo</c> can host a dev-mode server in its own process. That
/// reference also makes every project behind the server (grains, storage, ML, the console) compile in the CLI, which
/// the project-reference rules cannot see; this keeps the seam to one file: only <see cref="EmbeddedServerFile"/> may
/// name the server's types, and no CLI file may name what lies behind the server.
/// </summary>
internal static partial class CliServerSeam
{
    /// <summary>The one CLI file that starts the embedded server (relative to src/ActorSegments.Cli).</summary>
    public const string EmbeddedServerFile = "Demo/EmbeddedServer.cs";

    /// <summary>Every CLI source file that crosses the seam, as sentences; files are (path relative to the project, text).</summary>
    public static IEnumerable<string> Violations(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            var normalized = path.Replace('\\', '/');
            foreach (var name in ForbiddenNamespace().Matches(text).Select(m => m.Value).Distinct())
            {
                if (name == "ActorSegments.Server" && normalized == EmbeddedServerFile)
                {
                    continue;
                }

                yield return name == "ActorSegments.Server"
                    ? $"{normalized} uses {name}: only {EmbeddedServerFile} may start the embedded server; talk to a server over gRPC."
                    : $"{normalized} uses {name}, which the CLI reaches only through the server reference; talk to a server over gRPC.";
            }
        }
    }

    [GeneratedRegex(@"\bActorSegments\.(Server|Grains|Abstractions|InMemory|ML|Content|WebConsole)\b")]
    private static partial Regex ForbiddenNamespace();
}
