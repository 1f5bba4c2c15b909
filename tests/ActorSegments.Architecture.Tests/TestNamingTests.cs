using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActorSegments.Architecture.Tests;

/// <summary>
/// One naming convention for tests, read from the sources: <c>Subject_Behavior</c> (optionally
/// <c>Subject_Condition_Outcome</c>), each part PascalCase, so a failing test's name reads as what broke.
/// </summary>
public sealed partial class TestNamingTests
{
    [Fact]
    public void TestMethods_AreNamedSubjectUnderscoreBehaviorInPascalCase()
    {
        var misnamed = TestMethods().Where(t => !Convention().IsMatch(t.Name)).Select(t => $"{t.Where}: {t.Name}").ToList();

        Assert.True(misnamed.Count == 0, $"Test methods not named Subject_Behavior in PascalCase parts:\n{string.Join('\n', misnamed)}");
    }

    [Theory]
    [InlineData("Build_InvalidSetting_FailsNamingTheSetting", true)]
    [InlineData("AWorkspaceKey_CannotReadAnotherWorkspace", true)]
    [InlineData("A_workspace_key_cannot_read_another_workspace", false)]
    [InlineData("ReadsEverything", false)]
    public void Convention_TellsTheTwoStylesApart(string name, bool matches) => Assert.Equal(matches, Convention().IsMatch(name));

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(_[A-Z0-9][A-Za-z0-9]*)+$")]
    private static partial Regex Convention();

    private static IEnumerable<(string Name, string Where)> TestMethods()
    {
        var tests = Path.Combine(RepositoryRoot.Path, "tests");
        var separator = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal)))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), cancellationToken: TestContext.Current.CancellationToken).GetRoot(TestContext.Current.CancellationToken);
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Fact" or "Theory")))
            {
                var line = method.Identifier.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                yield return (method.Identifier.ValueText, $"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{line}");
            }
        }
    }
}
