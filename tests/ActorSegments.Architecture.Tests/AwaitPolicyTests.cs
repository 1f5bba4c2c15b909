using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActorSegments.Architecture.Tests;

/// <summary>
/// One await policy per project, read from the sources. Libraries that do not know who calls them (the Domain, the
/// storage adapters, ML, content, datasets) resume on the thread pool: every awaited task says ConfigureAwait. Everything
/// else (grains, the server, the console, the CLI, tests, benchmarks) never says ConfigureAwait(false): a grain must
/// resume on its own activation's scheduler, and ASP.NET Core has no context worth leaving.
/// </summary>
public sealed class AwaitPolicyTests
{
    private static readonly string[] Libraries =
    [
        "src/ActorSegments.Domain", "src/ActorSegments.Content", "src/ActorSegments.Datasets", "src/ActorSegments.ML",
        "src/ActorSegments.InMemory", "src/ActorSegments.Postgres",
    ];

    private static readonly string[] Roots = ["src", "tests", "bench"];

    public static TheoryData<string> LibraryProjects => [.. Libraries];

    public static TheoryData<string> ApplicationProjects => [.. Roots
        .SelectMany(root => Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, root), "ActorSegments.*"))
        .Select(dir => Path.GetRelativePath(RepositoryRoot.Path, dir).Replace('\\', '/'))
        .Where(project => !Libraries.Contains(project))
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(LibraryProjects))]
    public void Library_EveryAwaitedTask_SaysConfigureAwait(string project)
    {
        var unconfigured = Awaits(project).Where(a => ConfigureAwaitArgument(a.Await) is null && !IsYield(a.Await)).Select(a => a.Where).ToList();

        Assert.True(unconfigured.Count == 0, $"Awaits without ConfigureAwait in a library:\n{string.Join('\n', unconfigured)}");
    }

    [Theory]
    [MemberData(nameof(ApplicationProjects))]
    public void Application_NoAwait_LeavesTheCallersContext(string project)
    {
        var leaving = Awaits(project).Where(a => ConfigureAwaitArgument(a.Await) is LiteralExpressionSyntax { Token.ValueText: "false" }).Select(a => a.Where).ToList();

        Assert.True(leaving.Count == 0, $"ConfigureAwait(false) outside a library:\n{string.Join('\n', leaving)}");
    }

    [Fact]
    public void Awaits_ReadFromSources_FindTheKnownCases()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C { async Task M() {
                await A().ConfigureAwait(false);
                await B();
                await using var d = await E().ConfigureAwait(false);
                await foreach (var x in F()) { }
            } }
            """, cancellationToken: TestContext.Current.CancellationToken);
        var awaits = tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<AwaitExpressionSyntax>().ToList();

        Assert.Equal(["false", null, "false"], awaits.Select(a => ConfigureAwaitArgument(a)?.ToString()));
    }

    /// <summary>The argument of the ConfigureAwait call an await applies to, or null when it applies to none.</summary>
    private static ExpressionSyntax? ConfigureAwaitArgument(AwaitExpressionSyntax await) =>
        await.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } } call
            ? call.ArgumentList.Arguments.Single().Expression
            : null;

    /// <summary>Task.Yield() has nothing to configure.</summary>
    private static bool IsYield(AwaitExpressionSyntax await) =>
        await.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Yield" } };

    private static IEnumerable<(AwaitExpressionSyntax Await, string Where)> Awaits(string project)
    {
        var directory = Path.Combine(RepositoryRoot.Path, project);
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file, cancellationToken: TestContext.Current.CancellationToken);
            foreach (var await in tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<AwaitExpressionSyntax>())
            {
                var line = await.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                yield return (await, $"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{line}: {await}");
            }
        }
    }
}
