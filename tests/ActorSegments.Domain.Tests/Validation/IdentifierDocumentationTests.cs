using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Tests.Validation;

/// <summary>The id rules the protos state to clients are the rules the code enforces.</summary>
public sealed class IdentifierDocumentationTests
{
    [Fact]
    public void EveryProtoCommentOnWorkspaceAndSegmentIds_StatesTheFirstCharacterRuleTheCodeApplies()
    {
        var statements = Directory.GetFiles(RepositoryFiles.Path("protos"), "*.proto", SearchOption.AllDirectories)
            .SelectMany(path => Comments(File.ReadAllLines(path)).Select(comment => (File: System.IO.Path.GetFileName(path), Comment: comment)))
            .Where(c => c.Comment.Contains("letters, digits, '-' and '_'", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.True(s.Comment.Contains("starting with a letter or digit", StringComparison.Ordinal), $"{s.File}: {s.Comment}"));
        Assert.Null(Identifiers.CheckWorkspaceId("1seg", 64));
        Assert.Null(Identifiers.CheckSegmentId("1seg", 64));
        Assert.Contains("starting with a letter or digit", Identifiers.CheckSegmentId("-seg", 64), StringComparison.Ordinal);
    }

    /// <summary>Each run of consecutive "//" lines, joined into one text.</summary>
    private static IEnumerable<string> Comments(string[] lines)
    {
        var current = new List<string>();
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                current.Add(line[2..].Trim());
            }
            else if (current.Count > 0)
            {
                yield return string.Join(' ', current);
                current.Clear();
            }
        }
    }
}
