using System.Text.RegularExpressions;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Compilation;

namespace ActorSegments.Domain.Tests.Rules;

/// <summary>The examples and error messages shown in docs/rules.md are what the compiler really does.</summary>
public sealed partial class RuleDocumentationTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    private sealed class Catalog(params string[] ids) : ISegmentCatalog
    {
        public IReadOnlyCollection<string> SegmentIds => ids;

        public CompiledRule? Find(string segmentId) => null;
    }

    [Fact]
    public void ExampleRules_Compile()
    {
        var examples = CodeBlocks()[0];
        Assert.NotEmpty(examples);
        foreach (var rule in examples)
        {
            var compilation = RuleCompiler.Compile(rule, Model, new Catalog("vip"));
            Assert.True(compilation.Succeeded, $"{rule}: {string.Join("; ", compilation.Diagnostics.Select(d => d.Message))}");
        }
    }

    [Fact]
    public void DocumentedErrors_AreTheCompilersErrors()
    {
        var errors = CodeBlocks().Single(block => block.Count > 0 && ErrorLine().IsMatch(block[0]));
        foreach (var line in errors)
        {
            var match = ErrorLine().Match(line);
            Assert.True(match.Success, line);
            var compilation = RuleCompiler.Compile(match.Groups["rule"].Value, Model);
            var diagnostic = compilation.Diagnostics[0];
            var shown = match.Groups["message"].Value.Replace(" ...", string.Empty, StringComparison.Ordinal);
            Assert.Equal($"{match.Groups["line"].Value}:{match.Groups["column"].Value}", $"{diagnostic.Line}:{diagnostic.Column}");
            Assert.True(diagnostic.Message.StartsWith(shown, StringComparison.Ordinal), $"docs show \"{shown}\", the compiler says \"{diagnostic.Message}\"");
        }
    }

    /// <summary>Lines of each fenced block without a language (the rule examples and the error examples).</summary>
    private static List<List<string>> CodeBlocks()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Path("docs", "rules.md"));
        var blocks = new List<List<string>>();
        List<string>? current = null;
        var fenced = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (fenced && current is not null)
                {
                    blocks.Add(current);
                }

                current = !fenced && line == "```" ? [] : null;
                fenced = !fenced;
            }
            else
            {
                current?.Add(line);
            }
        }

        return blocks;
    }

    [GeneratedRegex(@"^(?<rule>\S.*?)\s{2,}(?<line>\d+):(?<column>\d+)\s+(?<message>.+)$")]
    private static partial Regex ErrorLine();
}
